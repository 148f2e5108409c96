"""Warm introductions: the k best paths from the team to a target person or organisation.

A path runs from a team member (a source) over persons who could introduce
them to the target. Its score is the product of its ties' probabilities
(scoring.tie_probability), so every hop costs and a longer path wins only when
its ties are much stronger. The rules:

- intermediate nodes are persons only; an organisation appears only as the
  target (the last tie into it is usually the employment of a person there);
- no intermediate is a team member or one of the sources: a path through a
  colleague starts at that colleague (a team member who works at the target
  organisation is a source with a direct tie to it);
- no intermediate has said they do not want to open doors (door_opener
  "unwilling"); those not asked yet ("not_asked") may be used and are listed in
  `WarmPath.unasked`, so the team asks them first;
- except the target's own people: when the target is an organisation, the last
  person before it may be anyone outside the team (and the sources) who works
  there — has a current function there, an EMPLOYMENT edge between them and
  the target — whatever their door_opener, and is not listed in `unasked`.
  They are whom we want to reach (the managing director of the firm), not an
  introducer. It is the employment that counts, not which tie carries the hop:
  when their strongest tie to the firm is another one (they also advise it),
  the hop uses that tie's probability. Anywhere else on the path they are an
  introducer like any other (unwilling: excluded; not asked: listed); a person
  tied to the organisation only otherwise (advises it, sits on its board) is
  no employee; person targets have no such exception;
- paths are simple (no node twice) and at most `max_hops` ties long;
- ties count in both directions (someone who advises a firm can introduce us
  to it and it to us); where several ties join the same two nodes, the most
  probable one is used.

The bound, MAX_HOPS = 4: an introduction over more than four ties (a friend of
a friend of a friend of a friend) is useless in practice — nobody asks a
stranger's acquaintance for a favour. Four ties are enough for "colleague →
partner → their contact → managing director → the firm".

Algorithm (exact within the bound; no Yen, no networkx at query time).
`PathGraph.build` indexes the graph once: node keys become ints; for every
pair of nodes only the most probable tie is kept; a CSR adjacency lists, for
each node, only the neighbours that may be intermediates (persons, not team,
not unwilling), sorted by falling probability; the current functions are kept
as sorted `organisation * n + person` keys. A query is a bidirectional
meet-in-the-middle enumeration with H = max_hops:

1. Every path of h ≥ 2 hops splits uniquely at the node after ceil(h/2) hops
   (the meeting node) into a forward half-path of ceil(h/2) hops from a source
   and a backward half-path of floor(h/2) hops from the target. Paths of one
   hop are the direct ties between a source and the target.
2. Forward half-paths (up to ceil(H/2) hops) are expanded breadth-first as
   numpy arrays over the CSR, grouped by their last node and sorted by score.
   They do not depend on the target, so the graph caches them per set of
   sources (the team rarely changes between queries).
3. Backward half-paths are expanded from the target one hop at a time. After
   each hop, every (hop count h, meeting node m) that both sides reach has the
   bound best_forward(m) × best_backward(m); these are visited by falling
   bound and joined — both sides sorted by score, early termination against
   the current k-th best score, a pair used only if the halves share no node
   and the forward half does not pass through the target. Before the next
   backward hop, half-paths that could not beat the k-th best even with the
   best possible continuation are dropped.
4. An organisation target's unwilling employees (outside the team and the
   sources; its range of the employment keys) join the first backward hop.
   From them the backward half-paths go on over the CSR like any other, so
   they can only be the last person. They are never on a forward half-path,
   so the paths where step 1 would make them the meeting node are split
   differently, each still in exactly one way: 2 hops (source – employee –
   target) are the sources' ties to them, looked up directly; 3 hops are
   joined after one forward hop (source – x forward, target – employee – x
   backward). From 4 hops on, step 1 already puts them inside the backward
   half. A person target has no employees, so its query costs what it did.

The result is exact: a path is skipped only when an upper bound of its score
is below the k-th best found (a backward half-path through an unwilling
employee is bounded with the one-hop forward half-paths). Ties between equal
scores go to fewer hops, then to the node keys in order. The cost is about degree^(H/2) array entries per
side instead of degree^H paths, and only meeting nodes that could still beat
the k-th best are joined in Python.
"""

from .index import PathGraph
from .search import MAX_HOPS, WarmPath, warm_paths

__all__ = ["MAX_HOPS", "PathGraph", "WarmPath", "warm_paths"]
