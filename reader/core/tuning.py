"""The text engine's thresholds, in one frozen object.

Widths are in display cells: a Chinese character is two, a half-width character one.
A column's width around a line is read from the lines nearby (columns.py); "short by n"
means n cells or more narrower than that. Every stage takes a `Tuning` and defaults to
`TUNING`, the values the engine is measured with (tests/evaluation.py).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Tuning:
    # -- what a line is (lines.py) ------------------------------------------------------
    # End matter without brackets (责任编辑：…) and a byline are at most this long, in
    # characters; bracketed end matter left open by a line end at most `end_open_chars`.
    end_plain_chars: int = 40
    end_open_chars: int = 60
    byline_chars: int = 40
    # A byline names at most this many people; one name alone is at most this long.
    byline_names: int = 6
    byline_name_chars: int = 4
    # 图为 opens a caption only in a line longer than this.
    caption_chars: int = 4
    # A line of its own ending like a notice's headline (减资公告) is one at most this long;
    # a headline naming a notice, and a line of page furniture, at most these.
    notice_chars: int = 12
    notice_title_chars: int = 24
    furniture_chars: int = 24
    # Running heads and feet are looked for among this many lines at each end of the page;
    # a line this narrow or narrower, not ending a sentence, may be a piece of one.
    furniture_lines: int = 8
    furniture_width: int = 8
    # An issue or publisher line beside a masthead is at most this long, and holds at most
    # this many characters besides its pieces (what the OCR misread around them).
    issue_chars: int = 40
    issue_rest_chars: int = 4
    # The paper's name right above such a line is at most this long.
    masthead_chars: int = 6
    # A slogan beside the masthead holds at most twice this many characters in all; it,
    # and the body that reprints the paper, at most this many lines each.
    slogan_chars: int = 8
    beside_masthead_lines: int = 4
    # An ornament read as text (is_ornament): at least this many letters, or digits, each
    # character used this many times on average.
    ornament_letters: int = 8
    ornament_digits: int = 10
    ornament_repeats: float = 2.2
    # An ornament or a border that OCR read as characters and #s (is_ornament) holds at
    # most this many characters; a # in a longer line stands for one it could not read.
    ornament_hash_chars: int = 8
    # Lines narrower than this do not vote on how the page measures quotes and characters:
    # titles and running heads are not marked yet, and the narrowest columns are twelve
    # characters.
    voting_width: int = 20
    # A line votes where the two measures set it this many cells apart or more, for the
    # one that puts it within `vote_within` of its neighbours (and the other not); a
    # measure wins by two votes to one and `vote_wins` at least (narrow quotes also as
    # `quotes_alone_wins` says: see _narrow_quotes). Lines with this many curly quotes or
    # more do not vote on characters (narrow quotes unsaid blur them).
    vote_apart: int = 2
    vote_within: int = 1
    vote_wins: int = 2
    # ... narrow quotes by this many votes and none against, where no neighbour a line
    # is weighed against holds half-width characters or squeezed marks.
    quotes_alone_wins: int = 1
    vote_quotes: int = 4
    # How many lines interleaved() weighs, from the page's start (a tenth of the time
    # reflow takes): enough to tell, on the real pages and the relayouts.
    interleave_lines: int = 100
    # Shorter lines are not weighed (a page number, a speck).
    interleave_min_chars: int = 4
    # A page in reading order joins lines whose characters run on across the line end far
    # more often than lines taken at random do: on the real pages in reading order 1.9 to
    # 6.9 times as often; where lines alternate between columns, 0.6 to 1.3 times.
    interleave_ratio: float = 1.6
    # Fewer pairs than this expected by chance say nothing either way (a page of short
    # items whose lines mostly end with a full stop).
    interleave_evidence: float = 2.0
    # ... and none where this share of those lines end a sentence: a paragraph a line
    # (clean text, a page exported and read back), not lines of printed columns, which
    # end a sentence a time in three at most.
    interleave_paragraph_lines: float = 0.45

    # -- the page's habits (habits.py) --------------------------------------------------
    # Share of line ends followed by a blank line at or above which blank lines follow
    # every line, and below which the page has none.
    blank_every_share: float = 0.7
    blank_none_share: float = 0.04
    # Lines of running text ending mid-sentence with a blank line after them, as many as
    # those without one or more, that tell a blank line after every line.
    says_every: int = 3
    # Indents were kept where this share of lines is indented, and at least this many.
    indented_min_share: float = 0.04
    indented_max_share: float = 0.75
    indented_min_lines: int = 2
    # A stretch between article edges must be this long, with this many sentence ends,
    # to show an indent habit of its own.
    stretch_lines: int = 12
    stretch_ends: int = 3
    # Lines before and after each line that show its region's blank-line habit; a region
    # with several blank lines (this many) on a page without them may have its own.
    blank_window: int = 10
    blank_several: int = 2

    # -- column widths (columns.py) -----------------------------------------------------
    # Lines each side of a line that give the column's width there (within the article).
    column_window: int = 8
    # Lines narrower than this say nothing of the column (titles, last lines).
    column_min_width: int = 12
    # The column where a page has no line to tell.
    column_fallback: int = 40
    # The widest lines may be wider than the column by a mark hanging at their end: the
    # lines ending in text give the column where they come this close to the widest.
    column_hang: int = 2

    # -- the rules (reflow.py) ----------------------------------------------------------
    # An indent of this many cells or more is a paragraph's indent where indents were kept.
    indent_cells: int = 2
    # A first line's indent, stripped by OCR: two characters.
    indent_width: int = 4
    # A line within this many cells of its column fills it (jitter); a paragraph's first
    # line, short by its indent, within `full_first_slack`; a line as long as a first
    # line, within `first_like_slack`.
    full_slack: int = 2
    full_first_slack: int = 6
    first_like_slack: int = 7
    # A mark at the end of a line may hang past the column: that line is one cell
    # shorter than its text alone would make it.
    hang_cells: int = 1
    # An indent-stripped first line falls short of its column by this many cells (the
    # minimum one less where a mark hangs at its end).
    stripped_short_min: int = 3
    stripped_short_max: int = 8
    # A line set across columns (a headline, a masthead line) is this much wider than its
    # column.
    wider: int = 6
    # A headline candidate: an unpunctuated line this short of the column stands alone,
    # unless the text below is set about as narrow (within `headline_narrower`); or, over
    # an indent-stripped first line (short by at least `headline_next_short`), it is
    # `headline_shortfall` short itself (one more where a half-width character blurs the
    # count).
    headline_short: int = 10
    headline_narrower: int = 6
    headline_next_short: int = 4
    headline_shortfall: int = 2
    half_width_blur: int = 1
    # A headline group's lines (masthead, headline, byline) are each this short or more;
    # the group ends before a line less short than `head_group_next_short`.
    head_group_short: int = 8
    # A line of this many characters or fewer (Chinese only, no mark) is tiny: a
    # paragraph's last line, or a piece of a headline set vertically, whose lines hold up
    # to `vertical_chars` each.
    tiny_chars: int = 2
    vertical_chars: int = 4
    head_group_next_short: int = 4
    # A line of a notice's body that opens with a label (联系人：…) stands alone this short.
    keyed_short: int = 8
    # How many lines below a notice's headline are looked at for such labels.
    notice_lines: int = 40
    # A line ending a sentence this short of its column ends its paragraph (where indents
    # were kept, `ends_short_indented`).
    ends_short: int = 4
    ends_short_indented: int = 6
    # An unpunctuated line after a sentence's end, this short, opens a block of its own
    # (where indents were kept, `next_short_indented`).
    next_short: int = 8
    next_short_indented: int = 4
    # A short one-line block with a blank line after it stands apart this short.
    apart_short: int = 4
    # A bracketed note after a sentence's end stands apart this short.
    note_short: int = 4
    # Two lines short by this much together, the second by no more than a stripped
    # indent: a paragraph's last line and the next one's first.
    both_short: int = 4
    # ... or by a cell for every this many of a wide column, where OCR's dropped and
    # half-width characters leave full lines a character or two short (44 characters).
    both_short_per: int = 14
    # A paragraph's line not ending a sentence, this short after a full line, over a full
    # line (or one short by a stripped indent) that opens a sentence: its last line, the
    # closing mark lost by the OCR.
    lost_stop_short: int = 8
    # ... where the sentence it ends has this many characters on it or more.
    lost_stop_tail: int = 4
    # Names that sign a text over its date, a line each (国务院 / 中央军委 / date): at most
    # this many lines, each at most this many characters.
    signatories: int = 4
    signatory_chars: int = 12
    # A line ending in a colon introduces what follows this short; a bracketed aside
    # stands alone this short.
    colon_short: int = 6
    aside_short: int = 4
    # A line this short before a numbered line ends its paragraph.
    short_before_numbered: int = 4
    # A headline or heading wrapped over two lines: its tail is this short of the column.
    wrapped_tail_short: int = 8
    # A headline set as a couplet, two halves of as many characters one over the other
    # (截穿新阴谋 / 巩固新政权): each half at most this long.
    couplet_chars: int = 8
    # A numbered heading ends at the line end of its last line at most this many lines in.
    heading_lines: int = 3
    # A numbered line this close to its column is full, and wraps onto its tail (within
    # `heading_exact`, onto a full line); a blank line after one this short ends it.
    heading_slack: int = 4
    heading_exact: int = 1
    heading_short: int = 3
    # After a run-in label or a colon, a heading wraps only onto a tail this short.
    runin_tail_short: int = 4
    # A numbered line in a style the page numbers paragraphs with is a paragraph unless it
    # is this short.
    numbered_paragraph_short: int = 6

    # -- finishing blocks (finish.py) ---------------------------------------------------
    # A standalone line this long or shorter, with no sentence punctuation, is
    # headline-like; a headline wrapped over two lines is no longer together.
    standalone_chars: int = 34

    # -- articles (segment.py) ----------------------------------------------------------
    # A headline group holds at most this many standalone lines (kicker, title, subtitle).
    head_group_lines: int = 3
    # An issuer's name over its paper's title (国务院 / 关于…的报告) is at most this long:
    # a longer line over 关于… naming a paper is a title over its subtitle.
    issuer_chars: int = 5
    # How much better a body two places away must match a headline at the top of the page
    # before the headline is not given to the body right below it; how much better the
    # body above, closed by a dateline, must match it to take it.
    distant_margin: float = 0.3
    dateline_margin: float = 0.3
    # How many segments either side of a headline count as its page.
    near: int = 12


TUNING = Tuning()
