import pytest

from newsprism.read.linear_model import SparseLogistic, fit, out_of_fold


def _rows():
    rows, labels, groups = [], [], []
    for i in range(60):
        said = i % 2 == 0
        rows.append({"lemma=say" if said else "lemma=eat": 1.0, "has_subject": 1.0})
        labels.append(said)
        groups.append(f"article{i % 6}")
    return rows, labels, groups


def test_fitted_model_separates_named_features_and_explains_itself():
    rows, labels, _ = _rows()
    model = fit(rows, labels, c=10.0)
    assert model.probability({"lemma=say": 1.0}) > 0.8
    assert model.probability({"lemma=eat": 1.0}) < 0.2
    assert model.probability({"lemma=never-seen": 1.0}) == pytest.approx(
        model.probability({}), abs=1e-9
    )
    assert model.explain({"lemma=say": 1.0, "has_subject": 1.0})[0][0] == "lemma=say"


def test_saved_model_loads_back_the_same(tmp_path):
    rows, labels, _ = _rows()
    model = fit(rows, labels, threshold=0.4)
    path = tmp_path / "model.json"
    model.save(path)
    again = SparseLogistic.load(path)
    assert again.threshold == 0.4
    assert again.probability({"lemma=say": 1.0}) == pytest.approx(
        model.probability({"lemma=say": 1.0}), abs=1e-4
    )


def test_a_broken_model_file_is_named_in_the_error(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(ValueError, match="broken.json"):
        SparseLogistic.load(path)


def test_out_of_fold_scores_every_row_without_its_own_article():
    rows, labels, groups = _rows()
    probabilities = out_of_fold(rows, labels, groups, folds=3)
    assert len(probabilities) == len(rows)
    assert all(p > 0.5 for p, y in zip(probabilities, labels, strict=True) if y)
