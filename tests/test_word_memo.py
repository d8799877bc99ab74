"""engine.syntax.word_memo: the per-coder memos of the rules that walk every token. No model needed."""
from __future__ import annotations

from types import SimpleNamespace

from newsevents.engine import syntax
from newsevents.engine.syntax import word_memo


def test_a_memo_is_kept_per_name_and_starts_afresh_with_another_lexicon_or_when_full(monkeypatch):
    coder = SimpleNamespace(lex=object())
    memo = word_memo(coder, "obligation_verbs")
    memo[1] = True
    assert word_memo(coder, "obligation_verbs") == {1: True}
    assert word_memo(coder, "reporting_lemma") == {}  # another name, another memo
    coder.lex = object()  # another lexicon: the answers may differ
    assert word_memo(coder, "obligation_verbs") == {}
    monkeypatch.setattr(syntax, "MEMO_MAX", 2)
    memo = word_memo(coder, "obligation_verbs")
    memo.update({1: True, 2: False, 3: True})
    assert word_memo(coder, "obligation_verbs") == {}  # past MEMO_MAX keys
