"""The words marked as changed are the ones a reader would point to, and nothing is lost."""

from lantern.history.presenting import word_diff


def test_only_the_changed_words_are_marked_and_both_texts_survive_whole():
    old = "Seen at home.\n\nMother was  calm and the flat was tidy."
    new = "Seen at school.\n\nMother was  calm and the flat was untidy."
    before, after = word_diff(old, new)
    assert "".join(p.text for p in before) == old
    assert "".join(p.text for p in after) == new
    assert [p.text for p in before if p.changed] == ["home.", "tidy."]
    assert [p.text for p in after if p.changed] == ["school.", "untidy."]


def test_text_written_from_nothing_is_all_added():
    before, after = word_diff("", "First words")
    assert before == []  # shown as "—"
    assert [(p.text, p.changed) for p in after] == [("First words", True)]
