#!/usr/bin/env python3
"""Writes a benchmark corpus (JSON lines) of real English news text for `gazette bench`.

It gathers the texts of the development sets under ../shared/eval (re3d documents, WikiGold
documents re-joined from their tokens) and the project's own Corpus/news.jsonl. The output is
a local file for measuring only: never commit it (the shared texts are not the project's).

    python3 Scripts/make-bench-corpus.py /tmp/gazette-bench.jsonl
    swift build -c release && .build/release/gazette bench /tmp/gazette-bench.jsonl --min-mb 20 --baseline
"""
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("GAZETTE_SHARED", os.path.join(ROOT, "..", "shared"))


def detokenize(tokens):
    text = " ".join(tokens)
    text = re.sub(r" ([.,;:!?%)\]])", r"\1", text)
    text = re.sub(r"([(\[$]) ", r"\1", text)
    text = re.sub(r" (n't|'s|'re|'ve|'ll|'d)\b", r"\1", text)
    return text


def wikigold(path):
    documents, tokens = [], []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if line.startswith("-DOCSTART-"):
                if tokens:
                    documents.append(detokenize(tokens))
                tokens = []
                continue
            if line.strip():
                tokens.append(line.rsplit(" ", 1)[0])
    if tokens:
        documents.append(detokenize(tokens))
    return documents


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/gazette-bench.jsonl"
    texts = []
    re3d = os.path.join(SHARED, "eval", "re3d")
    if os.path.isdir(re3d):
        for source in sorted(os.listdir(re3d)):
            path = os.path.join(re3d, source, "documents.json")
            if os.path.exists(path):
                with open(path, encoding="utf-8") as handle:
                    texts += [json.loads(line)["text"] for line in handle if line.strip()]
    gold = os.path.join(SHARED, "eval", "wikigold", "wikigold.conll.txt")
    if os.path.exists(gold):
        texts += wikigold(gold)
    corpus = os.path.join(ROOT, "Corpus", "news.jsonl")
    if os.path.exists(corpus):
        with open(corpus, encoding="utf-8") as handle:
            texts += [json.loads(line)["text"] for line in handle if line.strip()]
    if not texts:
        sys.exit("make-bench-corpus: no texts found (is ../shared/eval there?)")
    with open(out, "w", encoding="utf-8") as handle:
        for index, text in enumerate(texts, 1):
            handle.write(json.dumps({"id": f"bench-{index}", "text": text}, ensure_ascii=False) + "\n")
    size = os.path.getsize(out)
    print(f"{out}: {len(texts)} documents, {size / 1e6:.2f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
