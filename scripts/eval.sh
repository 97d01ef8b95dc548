#!/usr/bin/env bash
# Scores Précis with the team's scorers in ../shared/eval on one split (dev by default).
#   scripts/eval.sh [dev|test] [names|sentences|article|summary|quotes ...]
# The scorers need their Python deps: ../shared/eval is read-only, so it is copied to
# .cache/eval (git-ignored) with the data linked beside it, and its setup_peers.sh run there
# (idempotent). Says so and exits 0 when ../shared is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
shared="$repo/../shared"
split="${1:-dev}"; shift || true
what=("$@"); [ ${#what[@]} -gt 0 ] || what=(names sentences article summary quotes)
if [ ! -d "$shared/eval" ] || [ ! -d "$shared/data" ]; then
  echo "eval: no ../shared/eval or ../shared/data here; nothing scored."; exit 0
fi
mkdir -p .cache
rm -rf .cache/eval.new && cp -r "$shared/eval" .cache/eval.new && chmod -R u+w .cache/eval.new
if [ -d .cache/eval/.cache ]; then mv .cache/eval/.cache .cache/eval.new/.cache; fi
rm -rf .cache/eval && mv .cache/eval.new .cache/eval
ln -sfn "$shared/data" .cache/data
(cd .cache/eval && bash setup_peers.sh >/dev/null)
cargo build --release --quiet --bin precis
export PRECIS_BIN="$repo/target/release/precis"
cd .cache/eval
py=.cache/venv/bin/python
for w in "${what[@]}"; do
  case "$w" in
    names)
      if [ "$split" = dev ]; then $py ner_eval.py ../data/conll2003/eng.testa --system "python3 adapters/precis.py ner"
      else $py ner_eval.py ../data/conll2003/eng.testb --system "python3 adapters/precis.py ner"
           $py ner_eval.py ../data/gum_news/gum_news.conll --system "python3 adapters/precis.py ner"; fi ;;
    sentences)
      $py sbd_eval.py ../data/golden_rules_en/golden_rules_en.jsonl --system "python3 adapters/precis.py sbd" --quiet
      $py sbd_eval.py ../data/gum_news/gum_news_sentences.jsonl --system "python3 adapters/precis.py sbd" --quiet ;;
    article)
      for input in txt clip html; do
        .cache/pasted-venv/bin/python clean_eval.py --split "$split" --input "$input" -- python3 adapters/precis.py clean
      done ;;
    summary)
      for set in "--data ../data/cnn-dailymail-raw/$split/cnndm.jsonl --k 3" "--set bbc --split $split"; do
        echo "== summary_eval.py $set"
        $py summary_eval.py $set --system "python3 adapters/precis.py summary" --name precis
        $py summary_eval.py $set --system "python3 adapters/precis.py lead" --name precis-lead3
        $py summary_eval.py $set --peer lead --name peer-lead
      done ;;
    quotes)
      $py quote_eval.py --split "$split" --gold both --system "python3 adapters/precis.py quotes" ;;
    *) echo "eval: unknown part $w (names sentences article summary quotes)"; exit 2 ;;
  esac
done
