"""Each definition of domain.md §7 as its own function, on small hand-made items (the whole-report
figures on a 24-item dataset are in tests/domain/test_statistics_dataset.py)."""

from __future__ import annotations

from datetime import date

from desktop_app.domain.enums import ContactWay, Disclosure, ItemKind, ItemStatus, Rating, ResultCategory
from desktop_app.domain.statistics import (
    RATING_LEAD,
    RATING_WORST,
    Period,
    StatContact,
    StatFeedback,
    StatItem,
    StatOpinion,
    StatReply,
    assigned,
    final_rating,
    handling_report,
    met,
    on_time,
    opinion_on_time,
    published,
)

S = ItemKind.SUGGESTION
GOOD, FAIR, BAD = Rating.SATISFIED, Rating.FAIRLY_SATISFIED, Rating.DISSATISFIED
DAY = date(2024, 6, 30)


def item(**kw) -> StatItem:
    base = dict(id=1, kind=S, session_name="人大五次", units=("区交通委",), status=ItemStatus.HANDLING,
                assigned_on=date(2024, 3, 1), reply_due=date(2024, 6, 3))
    base.update(kw)
    return StatItem(**base)


def reply(day, rnd=1, **kw):
    return StatReply(rnd, day, kw.pop("result", ResultCategory.SOLVED), **kw)


def test_assigned_counts_items_handed_over_by_the_day_and_not_returned():
    assert assigned(item(), DAY)
    assert assigned(item(assigned_on=None), DAY)
    assert not assigned(item(assigned_on=date(2024, 7, 1)), DAY)
    assert not assigned(item(status=ItemStatus.RETURNED), DAY)


def test_on_time_does_not_count_an_item_not_yet_due_as_late():
    not_due = item(reply_due=date(2024, 7, 15))
    assert on_time(not_due, DAY) == (False, False)  # neither in the base nor on time
    assert on_time(item(reply_due=date(2024, 7, 15), replies=(reply(date(2024, 6, 20)),)), DAY) == (True, True)  # early
    assert on_time(item(replies=(reply(date(2024, 6, 3)),)), DAY) == (True, True)  # on the due day
    assert on_time(item(replies=(reply(date(2024, 6, 4)),)), DAY) == (True, False)  # a day late
    assert on_time(item(), DAY) == (True, False)  # due, not replied: late
    assert on_time(item(replies=(reply(date(2024, 7, 2)),)), DAY) == (True, False)  # replied after the day


def test_met_needs_a_face_to_face_contact_with_the_deputy_between_assignment_and_reply():
    replied = (reply(date(2024, 5, 20)),)

    def contacts(*c):
        return met(item(replies=replied, contacts=c), DAY)

    assert contacts(StatContact(date(2024, 4, 1), ContactWay.FIELD_RESEARCH, True))
    assert contacts(StatContact(date(2024, 5, 20), ContactWay.INSPECTION, True))  # the reply day itself
    assert contacts(StatContact(date(2024, 3, 1), ContactWay.MEETING, True))  # the 交办 day itself
    assert not contacts(StatContact(date(2024, 4, 1), ContactWay.PHONE, True))
    assert not contacts(StatContact(date(2024, 4, 1), ContactWay.TOPIC_MEETING, True))
    assert not contacts(StatContact(date(2024, 4, 1), ContactWay.FORUM, False))  # the deputy was not there
    assert not contacts(StatContact(date(2024, 2, 28), ContactWay.MEETING, True))  # before 交办
    assert not contacts(StatContact(date(2024, 5, 21), ContactWay.MEETING, True))  # after the reply
    assert not met(item(contacts=(StatContact(date(2024, 4, 1), ContactWay.MEETING, True),)), DAY)  # not replied


def test_final_rating_is_the_lead_deputys_in_the_last_round_or_the_worst_as_a_setting():
    forms = (StatFeedback(date(2024, 5, 1), BAD, GOOD, 1, True), StatFeedback(date(2024, 5, 2), GOOD, GOOD, 1, False),
             StatFeedback(date(2024, 6, 10), GOOD, GOOD, 2, True), StatFeedback(date(2024, 6, 11), FAIR, BAD, 2, False))
    rated = item(feedback=forms)
    assert final_rating(rated, DAY, RATING_LEAD) is GOOD
    assert final_rating(rated, DAY, RATING_WORST) is FAIR
    assert final_rating(rated, DAY, RATING_WORST, attitude=True) is BAD
    assert final_rating(rated, date(2024, 6, 1), RATING_LEAD) is BAD  # round 2 had not come
    assert final_rating(item(), DAY) is None
    # No lead form in the round: the worst of it.
    assert final_rating(item(feedback=(StatFeedback(date(2024, 5, 1), FAIR, None, 1, False),
                                       StatFeedback(date(2024, 5, 1), GOOD, None, 1, False))), DAY) is FAIR


def test_published_counts_the_publication_record_and_flags_one_twenty_working_days_late():
    public = reply(date(2024, 5, 10), publish_due=date(2024, 6, 7))
    assert published(item(replies=(public,)), DAY) == (True, False, True)
    assert published(item(replies=(public,)), date(2024, 6, 7)) == (True, False, False)  # due that day
    done = reply(date(2024, 5, 10), publish_due=date(2024, 6, 7), published_on=date(2024, 6, 1))
    assert published(item(replies=(done,)), DAY) == (True, True, False)
    assert published(item(replies=(done,)), date(2024, 5, 31)) == (True, False, False)
    assert published(item(replies=(done,), is_secret=True), DAY) == (False, False, False)
    private = reply(date(2024, 5, 10), disclosure=Disclosure.ON_REQUEST)
    assert published(item(replies=(private,)), DAY) == (False, False, False)


def test_opinion_on_time_like_the_reply():
    assert opinion_on_time(StatOpinion("区财政局", date(2024, 4, 1), date(2024, 4, 1)), DAY) == (True, True)
    assert opinion_on_time(StatOpinion("区财政局", date(2024, 4, 1), date(2024, 4, 2)), DAY) == (True, False)
    assert opinion_on_time(StatOpinion("区财政局", date(2024, 4, 1)), DAY) == (True, False)
    assert opinion_on_time(StatOpinion("区财政局", date(2024, 7, 20)), DAY) == (False, False)
    assert opinion_on_time(StatOpinion("区财政局", date(2024, 7, 20), date(2024, 6, 1)), DAY) == (True, True)


def test_every_figure_carries_its_definition_and_the_items_of_its_base():
    report = handling_report([item(replies=(reply(date(2024, 5, 20)),)), item(id=2)], DAY)
    for key, figure in report.overall.items():
        assert figure.definition, key
    replied = report.overall["replied"]
    assert (replied.ids, replied.base_ids) == ({1}, {1, 2})
    assert "领衔代表" in report.overall["satisfied"].definition
    worst = handling_report([item()], DAY, rating_rule=RATING_WORST).overall["satisfied"].definition
    assert "最差" in worst and "领衔代表" not in worst


def test_a_period_holds_the_items_assigned_in_it_or_of_a_session():
    items = [item(id=1, assigned_on=date(2023, 12, 1)), item(id=2), item(id=3, session_name="政协三次")]
    year = handling_report(items, DAY, Period("2024年度", date(2024, 1, 1), date(2024, 12, 31)))
    assert year.overall["total"].ids == {2, 3} and year.period.label == "2024年度"
    session = handling_report(items, DAY, Period("政协三次", session="政协三次"))
    assert session.overall["total"].ids == {3}
