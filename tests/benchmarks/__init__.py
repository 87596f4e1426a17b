"""Benchmarks run by hand or by `make benchmark-site`; not collected by pytest."""
