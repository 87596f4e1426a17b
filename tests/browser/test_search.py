"""The words people type after a rejection find the right page in the theme's own search box, in the top three.

The queries go through the real search box (Material's lunr worker), as a reader types them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.browser

#: What a reader types, and the page (its path) that must be among the first three results. With an anchor
#: (templates/#thank-you-reply, situations/#no-reply), that section must also be the page's best match: the one
#: the result shows first, where the reader lands. A situation's or a step's words lead to its own section.
QUERIES = {
    "rejected": "guides/first-48-hours/#feel-it",
    "rejection": "guides/first-48-hours/",
    "Rejected": "guides/first-48-hours/#feel-it",
    "turned down": "guides/first-48-hours/#feel-it",
    "ghosted": "situations/#no-reply",
    "ghosting": "situations/#no-reply",
    "no reply": "situations/#no-reply",
    "heard nothing": "situations/#no-reply",
    "not selected": "situations/#not-selected",
    "on file": "situations/#keep-on-file",
    "hiring freeze": "situations/#not-hiring",
    "second interview": "situations/#after-first-interview",
    "final round": "situations/#after-final-round",
    "feedback": "guides/ask-for-feedback/#ask-for-feedback",
    "thank you": "guides/first-48-hours/#reply-with-thanks",
    "linkedin": "guides/build-your-network/#connect-with-people-you-met",
    "LinkedIn": "guides/build-your-network/",
    "angry": "guides/first-48-hours/#feel-it",
    "upset": "guides/first-48-hours/#feel-it",
    "cv": "guides/ask-for-feedback/",
    "résumé": "guides/ask-for-feedback/",
    "resume": "guides/ask-for-feedback/",
    "interview": "guides/reflect-and-plan/#reflect-on-the-process",
    "network": "guides/build-your-network/#grow-your-network",
    "networking": "guides/build-your-network/#grow-your-network",
    "motivation": "guides/keep-going/#stay-motivated",
    "give up": "guides/keep-going/#stay-motivated",
    "follow up": "guides/keep-going/#reconnect-later",
    "message": "templates/",
    "email template": "templates/",
    "feedbak": "guides/ask-for-feedback/",
    "thank you email": "templates/#thank-you-reply",
    "thank-you email": "templates/#thank-you-reply",
    "thankyou": "templates/#thank-you-reply",
    "ask for feedback email": "templates/#feedback-request",
    "feedback email": "templates/#feedback-request",
    "linkedin message": "templates/#connection-note",
    "follow up email": "templates/#reconnect-message",
    "job reposted": "templates/#new-opening-note",
}
#: The same on the Spanish and German sites: words typed after a rejection, with and without accents or umlauts.
QUERIES_ES = {
    "rechazo": "es/guides/first-48-hours/",
    "rechazada": "es/guides/first-48-hours/#feel-it",
    "me rechazaron": "es/guides/first-48-hours/#feel-it",
    "sin respuesta": "es/situations/#no-reply",
    "ghosting": "es/situations/#no-reply",
    "agradecimiento": "es/templates/#thank-you-reply",
    "carta de agradecimiento": "es/templates/#thank-you-reply",
    "correo de agradecimiento": "es/templates/#thank-you-reply",
    "agradesimiento": "es/templates/#thank-you-reply",
    "correo pedir opinión": "es/templates/#feedback-request",
    "correo pedir opinion": "es/templates/#feedback-request",
    "pedir feedback": "es/templates/#feedback-request",
    "mensaje de linkedin": "es/templates/#connection-note",
    "correo de seguimiento": "es/templates/#reconnect-message",
    "nueva vacante": "es/templates/#new-opening-note",
    "feedbak": "es/guides/ask-for-feedback/",
    "plantilla": "es/templates/",
    "plantillas de correo": "es/templates/",
    "traducción": "es/about/#translation",
    "traduccion": "es/about/#translation",
    "colaborar": "es/contributing/",
    "opinión": "es/guides/ask-for-feedback/",
    "opinion": "es/guides/ask-for-feedback/",
    "LinkedIn": "es/guides/build-your-network/",
    "CV": "es/guides/ask-for-feedback/",
    "entrevista": "es/guides/reflect-and-plan/",
    "red de contactos": "es/guides/build-your-network/#grow-your-network",
    "motivación": "es/guides/keep-going/#stay-motivated",
    "motivacion": "es/guides/keep-going/#stay-motivated",
}
QUERIES_DE = {
    "Absage": "de/guides/first-48-hours/#feel-it",
    "abgelehnt": "de/guides/first-48-hours/#feel-it",
    "keine Antwort": "de/situations/#no-reply",
    "Feedback": "de/guides/ask-for-feedback/",
    "Rückmeldung": "de/guides/ask-for-feedback/",
    "Rueckmeldung": "de/guides/ask-for-feedback/",
    "Ruckmeldung": "de/guides/ask-for-feedback/",
    "Dankesnachricht": "de/templates/#thank-you-reply",
    "Dankesmail": "de/templates/#thank-you-reply",
    "Dankeschön-Nachricht": "de/templates/#thank-you-reply",
    "Dankeschoen-Nachricht": "de/templates/#thank-you-reply",
    "Feedback erbitten E-Mail": "de/templates/#feedback-request",
    "Kontaktanfrage": "de/templates/#connection-note",
    "nachfassen": "de/templates/#reconnect-message",
    "Stellenausschreibung": "de/templates/#new-opening-note",
    "Feedbak": "de/guides/ask-for-feedback/",
    "Vorlage": "de/templates/",
    "Übersetzung": "de/about/#translation",
    "Ubersetzung": "de/about/#translation",
    "mitmachen": "de/contributing/",
    "Lebenslauf": "de/guides/ask-for-feedback/",
    "Vorstellungsgespräch": "de/guides/reflect-and-plan/",
    "Vorstellungsgesprach": "de/guides/reflect-and-plan/",
    "Netzwerk": "de/guides/build-your-network/#grow-your-network",
    "Motivation": "de/guides/keep-going/#stay-motivated",
}
#: Pages for contributors and careers centres: never above a reader's page for a reader's word.
NOT_FOR_READERS = ("contributing/", "careers-centres/", "handout/", "sources/")


def top_results(page: Page, query: str) -> list[str]:
    """The first three results (one per page) once the search box has answered ``query``: each page's site path,
    with ``#`` and the anchor of the section the result shows first when it shows one (its best match)."""
    box = page.locator("input.md-search__input")
    meta = page.locator(".md-search-result__meta")
    box.fill("")
    page.wait_for_function("() => !document.querySelector('.md-search-result__item')")
    # Typed key by key, as a reader does (a pasted query: test_a_query_pasted_in_one_go_is_answered).
    box.press_sequentially(query)
    page.wait_for_function(
        "() => /matching|encontr|Suchergebnis/.test(document.querySelector('.md-search-result__meta').textContent)"
    )
    # The answer to the last key press is the one that stays: wait until the results stop changing.
    seen = None
    for _ in range(20):
        now = (meta.inner_text(), page.locator(".md-search-result__item").count())
        if now == seen:
            break
        seen = now
        page.wait_for_timeout(150)
    # A result is the page's link, then the links of its best sections; the others are folded into <details>.
    hrefs: list[str] = page.eval_on_selector_all(
        ".md-search-result__item",
        """items => items.slice(0, 3).map(li => {
            const [article, best] = li.querySelectorAll(':scope > a');
            const path = new URL(article.href).pathname;
            return best ? path + new URL(best.href).hash : path;
        })""",
    )
    return [href.lstrip("/") for href in hrefs]


def placed(expected: str, top: list[str]) -> bool:
    """Whether ``expected`` is among ``top``: its page, and with an anchor that section as the page's best match."""
    return expected in (top if "#" in expected else [result.partition("#")[0] for result in top])


def crowding(top: list[str], expected: str) -> list[str]:
    """The contributor and careers-centre pages listed above ``expected`` in ``top``."""
    pages = [result.partition("#")[0] for result in top]
    above = pages[: pages.index(expected.partition("#")[0])] if expected.partition("#")[0] in pages else pages
    return [path for path in above if path.removeprefix("es/").removeprefix("de/").startswith(NOT_FOR_READERS)]


@pytest.fixture(scope="module")
def search_page(browser: Browser, served_site: str) -> Iterator[Page]:
    """One page with the search index loaded, reused for every query (the worker indexes once)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(served_site)
    # As a reader on a wide screen: the box is in the header; clicking it opens the results panel.
    page.locator("input.md-search__input").click()
    yield page
    context.close()


def count_results(page: Page, query: str) -> int:
    """How many results the search box lists for ``query`` (one per page and section)."""
    top_results(page, query)
    return page.locator(".md-search-result__item").count()


@pytest.fixture(scope="module", params=["es", "de"])
def translated_search(request: pytest.FixtureRequest, browser: Browser, served_site: str) -> Iterator[Page]:
    """The Spanish or German site's page with its search index loaded."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{served_site}{request.param}/")
    page.locator("input.md-search__input").click()
    yield page
    context.close()


TRANSLATED = [pytest.param(q, e, id=q) for table in (QUERIES_ES, QUERIES_DE) for q, e in table.items()]


@pytest.mark.parametrize(("query", "expected"), TRANSLATED)
def test_translated_site_finds_the_right_page_in_the_top_three(
    translated_search: Page, query: str, expected: str
) -> None:
    """On the Spanish and German sites, a reader's word (with or without accents) lists its page in the top three."""
    if not translated_search.url.rstrip("/").endswith(expected.split("/")[0]):
        pytest.skip("the query is for the other language's site")
    top = top_results(translated_search, query)
    assert placed(expected, top), f"{query!r}: expected {expected} in the top three, got {top}"
    assert not crowding(top, expected), f"{query!r}: {crowding(top, expected)} above {expected}"


@pytest.mark.parametrize(("lang", "query"), [("es", "colaborar"), ("de", "mitmachen")])
def test_contributors_guide_is_one_result_on_a_translated_site(translated_search: Page, lang: str, query: str) -> None:
    """The contributors' guide (English on every site) is found by its translated title alone: no English sections."""
    if not translated_search.url.rstrip("/").endswith(lang):
        pytest.skip("the query is for the other language's site")
    top_results(translated_search, query)
    result = translated_search.locator(
        ".md-search-result__item", has=translated_search.locator("a[href*='contributing/']")
    )
    expect(result).to_have_count(1)
    expect(result.locator("a")).to_have_count(1)


@pytest.mark.parametrize(
    ("lang", "plain", "accented"), [("es", "opinion", "opinión"), ("de", "fur", "für"), ("de", "fuer", "für")]
)
def test_a_word_typed_without_accents_finds_as_many_pages(
    translated_search: Page, lang: str, plain: str, accented: str
) -> None:
    """Typing a word without its accent or umlaut lists at least the pages the accented word lists."""
    if not translated_search.url.rstrip("/").endswith(lang):
        pytest.skip("the query is for the other language's site")
    assert count_results(translated_search, plain) >= count_results(translated_search, accented)


@pytest.mark.parametrize(("query", "expected"), QUERIES.items(), ids=list(QUERIES))
def test_reader_word_finds_the_right_page_in_the_top_three(search_page: Page, query: str, expected: str) -> None:
    """The query, typed into the search box, lists the expected page among the first three results."""
    top = top_results(search_page, query)
    assert placed(expected, top), f"{query!r}: expected {expected} in the top three, got {top}"
    assert not crowding(top, expected), f"{query!r}: {crowding(top, expected)} above {expected}"


def test_feedback_is_not_crowded_by_the_contributing_page(search_page: Page) -> None:
    """Searching 'feedback' lists no contributor or careers-centre page among the first three results."""
    top = top_results(search_page, "feedback")
    assert not [path for path in top if path.startswith(NOT_FOR_READERS)], top


def test_search_results_do_not_show_the_keyword_list(search_page: Page) -> None:
    """The keywords behind a match stay out of sight: results show titles and text, not a row of tags."""
    top_results(search_page, "ghosted")
    assert search_page.locator(".md-search-result .md-tags").first.is_hidden()


@pytest.mark.parametrize("how", ["fill", "insert-text"])
def test_a_query_pasted_in_one_go_is_answered(search_page: Page, how: str) -> None:
    """A query pasted or dictated into the box (an input event, no key pressed) gets the same results as typing."""
    typed = top_results(search_page, "linkedin")[0].partition("#")[0]
    top_results(search_page, "feedback")
    box = search_page.locator("input.md-search__input")
    box.fill("")
    if how == "fill":
        box.fill("linkedin")
    else:
        box.evaluate("box => { box.focus(); document.execCommand('insertText', false, 'linkedin'); }")
    first = search_page.locator(".md-search-result__item").first
    expect(first.locator("a").first).to_have_attribute("href", re.compile(rf"/{re.escape(typed)}(?:[?#]|$)"))
