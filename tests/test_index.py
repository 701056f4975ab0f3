"""The nearest-neighbour index behind incremental grouping: exact and faiss search, time windows,
persistence, and the compact vectors it searches."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.sparse import csr_matrix

from newsprism.group.index import DIMS, VectorIndex, compact_vectors


def _clustered(count: int, clusters: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((clusters, DIMS))
    labels = rng.integers(0, clusters, count)
    vectors = centres[labels] + 0.3 * rng.standard_normal((count, DIMS))
    return (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32), labels


def _neighbours(index: VectorIndex, queries: np.ndarray, k: int = 5) -> list[list[int]]:
    return [index.search(q, k)[0].tolist() for q in queries]


@pytest.mark.parametrize("exact_limit", [10_000, 200])
def test_save_and_load_give_the_same_neighbours(tmp_path, exact_limit):
    if exact_limit < 10_000:
        pytest.importorskip("faiss")
    vectors, labels = _clustered(600, 20)
    index = VectorIndex(exact_limit=exact_limit)
    index.add(np.arange(600), vectors)
    assert index.kind == ("exact" if exact_limit > 600 else "faiss-ivf-sq8")
    queries = vectors[:40]
    before = _neighbours(index, queries)
    index.save(tmp_path / "idx")
    loaded = VectorIndex.load(tmp_path / "idx")
    assert len(loaded) == 600 and 5 in loaded and 600 not in loaded
    assert _neighbours(loaded, queries) == before
    # The nearest vectors are from the query's own cluster, and the query itself comes first.
    assert [found[0] for found in before] == list(range(40))
    assert all(labels[found[1]] == labels[i] for i, found in enumerate(before))


@pytest.mark.parametrize("exact_limit", [10_000, 100])
def test_window_keeps_only_nearby_days_and_undated(exact_limit):
    if exact_limit < 10_000:
        pytest.importorskip("faiss")
    vectors, _ = _clustered(400, 4)
    days = np.where(np.arange(400) % 2 == 0, 739_000.0, 739_060.0)  # two months apart
    days[::10] = np.nan  # every tenth undated
    index = VectorIndex(exact_limit=exact_limit)
    index.add(np.arange(400), vectors, days)
    found, scores = index.search(vectors[1], 30, window=(739_055.0, 739_065.0))
    assert len(found) == 30 and np.all(np.diff(scores) <= 1e-6)
    assert all(np.isnan(days[i]) or days[i] == 739_060.0 for i in found)
    assert found[0] == 1


def test_adding_again_is_harmless_and_ids_are_checked():
    vectors, _ = _clustered(10, 2)
    index = VectorIndex()
    index.add([1, 2, 2], vectors[:3])
    index.add([1], vectors[5:6])  # already there: kept as it was
    assert len(index) == 2
    found, scores = index.search(vectors[0], 1)
    assert found.tolist() == [1] and scores[0] == pytest.approx(1.0, abs=1e-5)
    with pytest.raises(ValueError):
        index.add([2**32], vectors[:1])
    assert VectorIndex().search(vectors[0], 3)[0].size == 0


def _row(weights: dict[int, float], width: int = 2**18) -> csr_matrix:
    indices = sorted(weights)
    values = np.array([weights[i] for i in indices])
    return csr_matrix((values / np.linalg.norm(values), indices, [0, len(indices)]),
                      shape=(1, width))


def test_compact_vectors_keep_near_things_near():
    rng = np.random.default_rng(1)
    base = {int(i): float(w) for i, w in zip(rng.choice(2**18, 80, replace=False),
                                             rng.random(80) + 0.5, strict=True)}
    similar = dict(list(base.items())[:60])  # shares three quarters of the words
    other = {int(i): 1.0 for i in rng.choice(2**18, 80, replace=False)}
    names = [_row({7: 1.0, 9: 1.0}), _row({7: 1.0, 9: 1.0}), _row({11: 1.0, 13: 1.0})]
    rows = [_row(base), _row(similar), _row(other)]
    vectors = np.vstack([compact_vectors(r, n, 0.7) for r, n in zip(rows, names, strict=True)])
    assert vectors.shape == (3, DIMS)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert vectors[0] @ vectors[1] > 0.8 > 0.5 > vectors[0] @ vectors[2]
    # Without names a row is its words alone.
    no_names = csr_matrix((1, 2**18))
    alone = compact_vectors(rows[0], no_names, 0.7)[0]
    assert alone @ compact_vectors(rows[1], no_names, 0.7)[0] > 0.8


@pytest.mark.parametrize("exact_limit", [10_000, 200])
def test_search_then_add_is_search_followed_by_add(exact_limit):
    if exact_limit < 10_000:
        pytest.importorskip("faiss")
    vectors, _ = _clustered(700, 20)
    days = 738_000 + np.arange(700) / 20
    apart, together = VectorIndex(exact_limit=exact_limit), VectorIndex(exact_limit=exact_limit)
    apart.add(np.arange(500), vectors[:500], days[:500])
    together.add(np.arange(500), vectors[:500], days[:500])
    for key in range(500, 700):
        window = (days[key] - 3, days[key] + 3)
        expected = apart.search(vectors[key], 8, window)
        apart.add([key], vectors[key][None, :], [days[key]])
        found = together.search_then_add(key, vectors[key], days[key], 8, window)
        assert found[0].tolist() == expected[0].tolist()
        assert np.allclose(found[1], expected[1])
    assert len(together) == 700 and 699 in together
    assert together.search(vectors[699], 1)[0].tolist() == [699]


def test_single_adds_gather_beside_faiss_and_move_in_when_many(tmp_path):
    pytest.importorskip("faiss")
    vectors, _ = _clustered(900, 20)
    index = VectorIndex(exact_limit=200, delta_limit=50)
    index.add(np.arange(300), vectors[:300])
    index.save(tmp_path)
    written = (tmp_path / "ivf.faiss").stat().st_mtime_ns
    for key in range(300, 310):  # a small delta: held exactly, found all the same
        index.add([key], vectors[key][None, :])
        assert index.search(vectors[key], 1)[0].tolist() == [key]
    index.save(tmp_path)
    assert (tmp_path / "ivf.faiss").stat().st_mtime_ns == written  # not rewritten
    loaded = VectorIndex.load(tmp_path)
    assert len(loaded) == 310 and _neighbours(loaded, vectors[290:310]) == _neighbours(
        index, vectors[290:310])
    for key in range(310, 900):  # past the limit the delta moves into faiss, 51 at a time
        loaded.add([key], vectors[key][None, :])
    assert loaded._held <= 50 and len(loaded) == 900
    assert loaded.search(vectors[899], 1)[0].tolist() == [899]
    loaded.save(tmp_path)
    assert (tmp_path / "ivf.faiss").stat().st_mtime_ns != written
    assert _neighbours(VectorIndex.load(tmp_path), vectors[::50]) == _neighbours(
        loaded, vectors[::50])
