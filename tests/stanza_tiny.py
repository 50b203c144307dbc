"""Build tiny but real stanza NER models, without any download.

For each language a handful of wire-copy sentences are tagged (BIOES) by hand; word vectors
are random (8 dimensions, fixed seed) and saved as a stanza pretrain file; stanza's own
trainer (``python -m stanza.models.ner_tagger``) then trains a small BiLSTM-CRF tagger on
them until it tags its training sentences exactly. The models know only these sentences:
the tests run them on these sentences, through stanza's real pipeline.

The result is a zip of a stanza resources folder (``resources.json``, ``LANG/ner/*.pt``,
``LANG/pretrain/*.pt``), the layout ``concord models install --stanza`` installs.

Run as a script to write the archive:  python tests/stanza_tiny.py OUT.zip
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

PACKAGE = "concord-tiny"

# (sentence with tokens separated by spaces, {entity tokens: type})
SENTENCES = {
    "en": [
        ("Omar García Harfuch said Mexico sent 37 people to Washington .",
         {"Omar García Harfuch": "PER", "Mexico": "GPE", "Washington": "GPE"}),
        ("Claudia Sheinbaum spoke with Donald Trump about security .",
         {"Claudia Sheinbaum": "PER", "Donald Trump": "PER"}),
        ("Leaders of the Sinaloa cartel were sent to Houston .",
         {"Sinaloa cartel": "ORG", "Houston": "GPE"}),
        ("Rafael Caro Quintero was sent to New York in February .",
         {"Rafael Caro Quintero": "PER", "New York": "GPE"}),
        ("The Mexican government thanked the Department of Justice .",
         {"Mexican": "NORP", "Department of Justice": "ORG"}),
        ("Officials in Valencia closed schools on Tuesday .", {"Valencia": "GPE"}),
    ],
    "es": [
        ("Omar García Harfuch dijo que México envió a 37 personas a Washington .",
         {"Omar García Harfuch": "PER", "México": "LOC", "Washington": "LOC"}),
        ("Claudia Sheinbaum habló con Donald Trump sobre seguridad .",
         {"Claudia Sheinbaum": "PER", "Donald Trump": "PER"}),
        ("Líderes del cártel de Sinaloa fueron enviados a Chicago .",
         {"cártel de Sinaloa": "ORG", "Chicago": "LOC"}),
        ("Rafael Caro Quintero fue enviado a Nueva York en febrero .",
         {"Rafael Caro Quintero": "PER", "Nueva York": "LOC"}),
        ("El Gobierno mexicano agradeció al Departamento de Justicia .",
         {"Departamento de Justicia": "ORG"}),
        ("Las autoridades de Valencia cerraron las escuelas el martes .", {"Valencia": "LOC"}),
    ],
}


def bioes(sentence: str, entities: dict[str, str]) -> list[dict]:
    toks = sentence.split()
    tags = ["O"] * len(toks)
    for ent, label in entities.items():
        et = ent.split()
        for i in range(len(toks) - len(et) + 1):
            if toks[i:i + len(et)] == et:
                if len(et) == 1:
                    tags[i] = f"S-{label}"
                else:
                    tags[i] = f"B-{label}"
                    tags[i + 1:i + len(et) - 1] = [f"I-{label}"] * (len(et) - 2)
                    tags[i + len(et) - 1] = f"E-{label}"
    return [{"text": w, "ner": t} for w, t in zip(toks, tags)]


def train(language: str, work: Path) -> tuple[Path, Path]:
    """Train the tagger for ``language`` in ``work``; return (model, pretrain) files."""
    from stanza.models.common.pretrain import Pretrain

    data = [bioes(s, e) for s, e in SENTENCES[language]]
    (work / "train.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    vocab = sorted({w.lower() for s, _ in SENTENCES[language] for w in s.split()})
    rng = random.Random(7)
    vec = work / "vectors.txt"
    with open(vec, "w", encoding="utf-8") as fh:
        fh.write(f"{len(vocab)} 8\n")
        for w in vocab:
            fh.write(w + " " + " ".join(f"{rng.uniform(-1, 1):.4f}" for _ in range(8)) + "\n")
    pretrain = work / "pretrain.pt"
    Pretrain(str(pretrain), str(vec)).load()  # reads the text vectors and saves the .pt file
    model = work / "ner.pt"
    cmd = [sys.executable, "-m", "stanza.models.ner_tagger", "--train_file", str(work / "train.json"),
           "--eval_file", str(work / "train.json"), "--wordvec_pretrain_file", str(pretrain),
           "--shorthand", f"{language}_tiny", "--save_dir", str(work), "--save_name", model.name,
           "--hidden_dim", "16", "--char_hidden_dim", "8", "--word_emb_dim", "8", "--char_emb_dim", "8",
           "--max_steps", "300", "--eval_interval", "100", "--batch_size", "8", "--optim", "adam",
           "--lr", "0.01", "--dropout", "0", "--word_dropout", "0",
           # no LR scheduler: stanza 1.10's passes an argument newer torch no longer takes
           "--lr_decay", "0", "--seed", "1234"]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0 or not model.exists():
        raise RuntimeError(f"stanza NER training failed:\n{proc.stderr[-2000:]}")
    return model, pretrain


def build_archive(out: Path, languages=("en", "es")) -> Path:
    out = Path(out)
    resources = {}
    with tempfile.TemporaryDirectory() as tmp, zipfile.ZipFile(out, "w") as zf:
        for lang in languages:
            work = Path(tmp) / lang
            work.mkdir()
            model, pretrain = train(lang, work)
            zf.write(model, f"stanza_resources/{lang}/ner/{PACKAGE}.pt")
            zf.write(pretrain, f"stanza_resources/{lang}/pretrain/{PACKAGE}.pt")
            resources[lang] = {
                "lang_name": {"en": "English", "es": "Spanish"}[lang],
                "default_processors": {"ner": PACKAGE},
                "packages": {"default": {"ner": PACKAGE}},
                "ner": {PACKAGE: {"dependencies": [{"model": "pretrain", "package": PACKAGE}]}},
                "pretrain": {PACKAGE: {}},
            }
        zf.writestr("stanza_resources/resources.json", json.dumps(resources, indent=2))
    return out


if __name__ == "__main__":
    print(build_archive(Path(sys.argv[1])))
