from netzwerkstatt.steering.matrix import matrix_analyse


def test_matrix_known_answer():
    # Five members, four topics. "Fachkräfte" is held by A, B, C (3 of 5 ≥ half);
    # "Ausbildung" by D and E (2 < 2.5); "Digitalisierung" by A only; "Tarif" by nobody
    # at level ≥ 1 (C says 0). Everybody shares a topic with someone.
    members = ["A", "B", "C", "D", "E"]
    topics = ["Fachkräfte", "Ausbildung", "Digitalisierung", "Tarif"]
    levels = {
        ("A", "Fachkräfte"): 3,
        ("B", "Fachkräfte"): 1,
        ("C", "Fachkräfte"): 2,
        ("D", "Ausbildung"): 1,
        ("E", "Ausbildung"): 2,
        ("A", "Digitalisierung"): 1,
        ("C", "Tarif"): 0,
    }

    result = matrix_analyse(members=members, topics=topics, levels=levels)

    assert result.counts == {"Fachkräfte": 3, "Ausbildung": 2, "Digitalisierung": 1, "Tarif": 0}
    assert result.shared_topics == {"Fachkräfte"}
    assert result.isolated_members == ()
    assert result.partners == {"A": 2, "B": 2, "C": 2, "D": 1, "E": 1}


def test_matrix_members_without_shared_topic_in_given_order():
    # X holds a topic nobody else holds, Y holds nothing, Z only at level 0;
    # P and Q share "Fachkräfte".
    members = ["Z", "P", "X", "Q", "Y"]
    topics = ["Fachkräfte", "Tourismus"]
    levels = {
        ("P", "Fachkräfte"): 1,
        ("Q", "Fachkräfte"): 3,
        ("X", "Tourismus"): 3,
        ("Z", "Fachkräfte"): 0,
    }

    result = matrix_analyse(members=members, topics=topics, levels=levels)

    assert result.isolated_members == ("Z", "X", "Y")
    # 2 of 5 members is less than half.
    assert result.shared_topics == frozenset()


def test_matrix_exactly_half_counts_as_shared():
    members = [1, 2, 3, 4]
    levels = {(1, "t"): 1, (2, "t"): 2, (3, "u"): 1}

    result = matrix_analyse(members=members, topics=["t", "u"], levels=levels)

    assert result.shared_topics == {"t"}
    assert result.isolated_members == (3, 4)


def test_matrix_single_member_shares_nothing():
    result = matrix_analyse(members=[1], topics=["t"], levels={(1, "t"): 3})

    assert result.shared_topics == frozenset()
    assert result.isolated_members == (1,)


def test_matrix_empty_and_cells_outside_ignored():
    assert matrix_analyse(members=[], topics=[], levels={}).shared_topics == frozenset()

    result = matrix_analyse(
        members=[1, 2], topics=["t"], levels={(1, "t"): 1, (2, "t"): 1, (3, "t"): 1, (1, "x"): 1}
    )

    assert result.counts == {"t": 2}
    assert result.partners == {1: 1, 2: 1}
