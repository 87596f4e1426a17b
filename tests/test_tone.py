"""The advice reads kindly to someone turned down an hour ago: sentences that blamed or pressured the reader were
rewritten, in every language, and stay out (the advice point and its source stay, in gentler words)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

CONTENT = Path(__file__).resolve().parent.parent / "content"

#: Sentences that read as blame or pressure to someone an hour past the email, and were rewritten.
REMOVED = {
    "en": (
        "An angry reply, or no reply at all, can close that door.",
        "Always have a few applications in progress",
        "Keep at least two other applications in progress at all times",
        "Keep looking. There are jobs out there, but you have to search for them.",
        "Set out to prove to yourself that you are good enough",
        "and handling it well keeps you going",
        "Links take time to grow, so start now.",
        "Feedback only helps if you act on it.",
        "fix it this week",
        "Writing so often that you become a nuisance.",
        "finish a short online course by Friday",
        "Stop waiting on this one.",
    ),
    "es": (
        "Una respuesta enfadada, o no responder, puede cerrar esa puerta.",
        "Ten siempre unas cuantas candidaturas en curso",
        "Ten siempre al menos otras dos candidaturas en curso",
        "Sigue buscando. Hay trabajos ahí fuera, pero tienes que buscarlos.",
        "Proponte demostrarte que vales lo suficiente",
        "y llevarlo bien te ayuda a seguir",
        "así que empieza ya.",
        "Una opinión solo ayuda si actúas.",
        "arréglalo esta semana",
        "que llegues a molestar",
        "antes del viernes",
        "Deja de esperar por esta vez.",
    ),
    "de": (
        "Eine wütende Antwort oder gar keine kann diese Tür schließen.",
        "Hab immer ein paar Bewerbungen am Laufen",
        "Hab immer mindestens zwei andere Bewerbungen am Laufen",
        "Such weiter. Es gibt Stellen, aber du musst nach ihnen suchen.",
        "Nimm dir vor, dir selbst zu zeigen",
        "wer gut damit umgeht, bleibt dran",
        "Fang also jetzt an.",
        "Feedback hilft nur, wenn du etwas damit machst.",
        "schließ sie diese Woche",
        "dass du lästig wirst",
        "Onlinekurs bis Freitag",
        "Hör auf, hier auf mehr zu warten.",
    ),
}


def words_of(language: str) -> dict[str, str]:
    """Each content file of a language (English: content/ outside translations/), its text on one line."""
    files = (
        [p for p in CONTENT.rglob("*.yml") if "translations" not in p.parts]
        if language == "en"
        else list((CONTENT / "translations" / language).rglob("*.yml"))
    )
    return {str(p.relative_to(CONTENT)): re.sub(r"\s+", " ", p.read_text(encoding="utf-8")) for p in files}


@pytest.mark.parametrize("language", REMOVED)
def test_no_sentence_blames_or_pressures_the_reader(language: str) -> None:
    """None of the rewritten blaming or pressing sentences is back in the language's advice or checklist."""
    texts = words_of(language)
    assert len(texts) > 10, f"no content files found for {language}"
    found = [f"{path}: {s!r}" for path, text in texts.items() for s in REMOVED[language] if s in text]
    assert not found, "\n".join(found)
