"""Build a tiny but real argostranslate package (``.argosmodel``) without any download.

The package holds a SentencePiece word model trained here on a few sentences and a
one-layer CTranslate2 Transformer whose weights are set by hand so that it translates
word by word with a small Spanish->English dictionary: the decoder's cross-attention
matches decoder position t with source position t (one-hot learned position encodings,
large query scale), and the value projection maps each source word to its English
word. Unknown words come out as ``<unk>``, which argostranslate's
``replace_unknowns=True`` replaces with the attended source token, so names and digits
pass through as real NMT systems copy them.

Run as a script to write the package file:  python tests/argos_tiny.py OUT.argosmodel
"""

from __future__ import annotations

import io
import json
import sys
import tempfile
import zipfile
from pathlib import Path

DICTIONARY = {
    "El": "The", "el": "the", "La": "The", "la": "the", "Los": "The", "los": "the",
    "Las": "The", "las": "the", "perro": "dog", "gato": "cat", "ministro": "minister",
    "presidente": "president", "dijo": "said", "come": "eats", "manzanas": "apples",
    "en": "in", "de": "of", "y": "and", "muertos": "dead", "personas": "people",
    "hubo": "there-were", "lunes": "Monday", "martes": "Tuesday", "ayer": "yesterday",
    "sismo": "earthquake", "casas": "houses", "dañadas": "damaged", "negro": "black",
}
MAX_POSITIONS = 256


def _training_text() -> list[str]:
    words = list(DICTIONARY) + sorted(set(DICTIONARY.values()))
    # every word several times, in short lines, so the word model keeps all of them
    return [" ".join(words[i:i + 6]) for i in range(0, len(words), 3)] * 4


def train_sentencepiece() -> bytes:
    import sentencepiece as spm

    model = io.BytesIO()
    words = set(" ".join(_training_text()).split())
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(_training_text()), model_writer=model, model_type="word",
        vocab_size=len(words) + 3, hard_vocab_limit=False, character_coverage=1.0,
        minloglevel=2, num_threads=1)
    return model.getvalue()


def build_ctranslate2_model(vocab: list[str], out_dir: Path) -> None:
    import ctranslate2
    import numpy as np
    from ctranslate2.specs import TransformerSpec, common_spec

    V, P = len(vocab), MAX_POSITIONS
    d = V + P
    index = {tok: i for i, tok in enumerate(vocab)}
    spec = TransformerSpec.from_config(num_layers=1, num_heads=1, pre_norm=True)

    def ones(n):
        return np.ones(n, dtype=np.float32)

    def zeros(*shape):
        return np.zeros(shape, dtype=np.float32)

    def layer_norm(ln: common_spec.LayerNormSpec):
        ln.gamma, ln.beta = ones(d), zeros(d)

    def linear(lin, out_dim, in_dim, weight=None):
        lin.weight = weight if weight is not None else zeros(out_dim, in_dim)
        lin.bias = zeros(out_dim)

    emb = zeros(V, d)
    emb[np.arange(V), np.arange(V)] = 1.0
    pos = zeros(P, d)
    pos[np.arange(P), V + np.arange(P)] = float(np.sqrt(d))  # same size as the scaled embedding

    def silent(layer):
        """Self-attention and feed-forward that add nothing: the residual passes through."""
        layer_norm(layer.self_attention.layer_norm)
        linear(layer.self_attention.linear[0], 3 * d, d)
        linear(layer.self_attention.linear[1], d, d)
        layer_norm(layer.ffn.layer_norm)
        linear(layer.ffn.linear_0, 4, d)
        linear(layer.ffn.linear_1, d, 4)

    enc, dec = spec.encoder, spec.decoder
    enc.embeddings[0].weight = emb
    enc.position_encodings.encodings = pos
    layer_norm(enc.layer_norm)
    silent(enc.layer[0])

    dec.embeddings.weight = emb.copy()
    dec.position_encodings.encodings = pos.copy()
    layer_norm(dec.layer_norm)
    dl = dec.layer[0]
    silent(dl)
    layer_norm(dl.attention.layer_norm)
    q = zeros(d, d)
    q[V + np.arange(P), V + np.arange(P)] = 40.0  # sharp: position t attends to source position t
    kv = zeros(2 * d, d)
    kv[V + np.arange(P), V + np.arange(P)] = 1.0  # keys: positions
    mapping = {tok: tok for tok in ("<unk>", "<s>", "</s>")}
    mapping.update({f"\u2581{s}": f"\u2581{t}" for s, t in DICTIONARY.items()})
    for src, tgt in mapping.items():
        if src in index and tgt in index:
            kv[d + index[tgt], index[src]] = 1.0  # values: the dictionary
    out = zeros(d, d)
    out[np.arange(V), np.arange(V)] = 20.0
    linear(dl.attention.linear[0], d, d, q)
    linear(dl.attention.linear[1], 2 * d, d, kv)
    linear(dl.attention.linear[2], d, d, out)
    proj = zeros(V, d)
    proj[np.arange(V), np.arange(V)] = 1.0
    dec.projection.weight = proj
    dec.projection.bias = zeros(V)

    spec.config.add_source_eos = True
    spec.register_source_vocabulary(vocab)
    spec.register_target_vocabulary(vocab)

    class _Given(ctranslate2.converters.Converter):
        def _load(self):
            return spec

    _Given().convert(str(out_dir), force=True)


def build_package(path: str | Path, from_code: str = "es", to_code: str = "en") -> Path:
    """Write a tiny ``.argosmodel`` (a zip archive) to ``path`` and return it."""
    import sentencepiece as spm

    path = Path(path)
    sp_bytes = train_sentencepiece()
    sp = spm.SentencePieceProcessor(model_proto=sp_bytes)
    vocab = [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
    name = f"translate-{from_code}_{to_code}-tiny"
    metadata = {"package_version": "0.0.1", "argos_version": "1.9.0", "from_code": from_code,
                "from_name": "Spanish", "to_code": to_code, "to_name": "English",
                "type": "translate", "code": name}
    with tempfile.TemporaryDirectory() as tmp:
        model_dir = Path(tmp) / "model"
        build_ctranslate2_model(vocab, model_dir)
        path.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr(f"{name}/metadata.json", json.dumps(metadata, indent=2))
            z.writestr(f"{name}/sentencepiece.model", sp_bytes)
            z.writestr(f"{name}/README.md", "Tiny word-by-word es->en test package built by Concord's tests.\n")
            for f in sorted(model_dir.iterdir()):
                z.write(f, f"{name}/model/{f.name}")
    return path


if __name__ == "__main__":  # pragma: no cover
    out = build_package(sys.argv[1] if len(sys.argv) > 1 else "tiny-es_en.argosmodel")
    print(out)
