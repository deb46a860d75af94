"""Meaning as vectors: what two wordings share when their words differ.

The vectors are WordLlama's static token embeddings (the `wordllama` package ships its default
256-dimension model and tokenizer inside its PyPI wheel): a text's vector is the mean of its tokens'
vectors, normalised, so two texts compare by a dot product. It is fast (thousands of sentences a
second) and needs no network; it is also coarse: negations and other figures score high ("48 vs 80
drones" is 0.94), so similarity here only proposes and aligns, and the stance rules decide.

Loaded once per process, on first use. WordLlama's own loader looks for the tokenizer in a folder
its wheel does not have and then tries the network, so the two packaged files are opened directly.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache, lru_cache
from pathlib import Path

import numpy as np

__all__ = ["Meaning", "meaning"]

WEIGHTS = "weights/l2_supercat_256.safetensors"
TOKENIZER = "tokenizers/l2_supercat_tokenizer_config.json"


class Meaning:
    """Unit vectors for texts and single terms (a term's vector is cached: a corpus repeats its words)."""

    def __init__(self, inference) -> None:
        self._inference = inference

    def vectors(self, texts: Sequence[str]) -> np.ndarray:
        """One unit vector per text, as rows (float32); an empty text gets a zero row."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        vectors = np.asarray(self._inference.embed(list(texts), norm=True), dtype=np.float32)
        return np.nan_to_num(vectors, copy=False)

    @property
    def dimension(self) -> int:
        return int(self._inference.embedding.shape[1])

    @lru_cache(maxsize=65536)  # noqa: B019 -- one instance per process (see `meaning`)
    def term_vector(self, term: str) -> np.ndarray:
        """The vector of one term as claimcheck writes terms ("north_korea" is "north korea")."""
        return self.vectors([term.replace("_", " ")])[0]

    def term_similarity(self, term: str, others: Sequence[str]) -> float:
        """The highest cosine between a term and any of others (0.0 when others is empty)."""
        if not others:
            return 0.0
        matrix = np.stack([self.term_vector(other) for other in others])
        return float((matrix @ self.term_vector(term)).max())


@cache
def meaning() -> Meaning:
    """The process's one encoder, loaded from the installed wordllama package."""
    import wordllama
    from safetensors import safe_open
    from tokenizers import Tokenizer
    from wordllama.inference import WordLlamaInference

    root = Path(wordllama.__file__).parent
    tokenizer = Tokenizer.from_file(str(root / TOKENIZER))
    with safe_open(str(root / WEIGHTS), framework="np", device="cpu") as weights:
        embedding = weights.get_tensor("embedding.weight")
    return Meaning(WordLlamaInference(embedding, tokenizer))
