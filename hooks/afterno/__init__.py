"""After the No's content core: load, validate and render the advice in content/.

Nothing in this package imports MkDocs, so the content can move to another generator.
"""
