"""The rules of places and the waiting list, each in one transaction that first locks the
activity's rows (SELECT ... FOR UPDATE on every translation of the activity, in id order), so
that two sign-ups can never take the same last place, however many arrive at once.

- A sign-up takes places only once its e-mail address is confirmed (`confirm`): it is then
  confirmed when its people fit in the places left, else it goes on the waiting list.
- When places come free (a cancellation, fewer people, a deleted sign-up, more places), the
  waiting list is walked in order and every sign-up that fits moves up (`move_up`), and is
  e-mailed.
- `ActivityPage.places_left` is written in the same transaction, on every translation; when an
  activity becomes full or has places again the page cache starts a new generation (the
  overview's "places left" filter and the cached pages change with it).

On SQLite (development, tests) FOR UPDATE is not supported: a write transaction locks the
whole database instead.
"""

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from activities.models import ActivityPage
from core.page_cache import invalidate

from . import emails
from .models import SignUp


class SignUpRefused(Exception):
    """A change that the rules do not allow; str() is the message for the visitor."""


def lock_activity(activity):
    """Lock the rows of the activity in all its languages; returns them (lowest id first: the
    page the others were translated from, whose number of places counts)."""
    rows = (
        ActivityPage.objects.select_for_update(of=("self",))
        .filter(translation_key=activity.translation_key)
        .order_by("pk")
    )
    return list(rows.only("pk", "translation_key", "capacity", "places_left", "cancelled"))


def places_taken(activity):
    taken = SignUp.objects.of_activity(activity).holding_places().aggregate(Sum("people"))
    return taken["people__sum"] or 0


def places_left(rows):
    """(capacity, places left) under the lock; (None, None) without a limit."""
    capacity = rows[0].capacity
    if capacity is None:
        return None, None
    return capacity, max(0, capacity - places_taken(rows[0]))


def fits(people, left):
    return left is None or people <= left


def confirm(signup):
    """The first click on the confirmation link: the sign-up takes its places or goes on the
    waiting list. Clicking again changes nothing. Returns the sign-up as it is now."""
    with transaction.atomic():
        rows = lock_activity(signup.activity)
        signup = SignUp.objects.select_related("activity").get(pk=signup.pk)
        if signup.status != SignUp.Status.UNCONFIRMED:
            return signup
        _capacity, left = places_left(rows)
        signup.confirmed_at = timezone.now()
        confirmed = fits(signup.people, left)
        signup.status = SignUp.Status.CONFIRMED if confirmed else SignUp.Status.WAITING
        signup.save(update_fields=["status", "confirmed_at"])
        store_places_left(rows)
        if confirmed:
            emails.confirmed(signup)
        else:
            emails.waiting(signup)
    return signup


def cancel(signup):
    """The participant cancels: their places go to the waiting list."""
    with transaction.atomic():
        rows = lock_activity(signup.activity)
        signup = SignUp.objects.select_related("activity").get(pk=signup.pk)
        if signup.status == SignUp.Status.CANCELLED:
            return signup
        signup.status = SignUp.Status.CANCELLED
        signup.save(update_fields=["status"])
        move_up(rows)
    return signup


def delete(signup):
    """The participant deletes their sign-up and everything in it."""
    with transaction.atomic():
        rows = lock_activity(signup.activity)
        SignUp.objects.filter(pk=signup.pk).delete()
        move_up(rows)


def change_people(signup, people):
    """A confirmed sign-up may grow only into free places (SignUpRefused otherwise); a smaller
    one frees places for the waiting list; one on the waiting list keeps its turn."""
    with transaction.atomic():
        rows = lock_activity(signup.activity)
        signup = SignUp.objects.select_related("activity").get(pk=signup.pk)
        if not signup.is_active:
            raise SignUpRefused(_("This sign-up has been cancelled."))
        if signup.status == SignUp.Status.CONFIRMED and people > signup.people:
            _capacity, left = places_left(rows)
            if not fits(people - signup.people, left):
                raise SignUpRefused(
                    _(
                        "There are not enough places left for %(people)s people: at most "
                        "%(most)s. Choose fewer people, or cancel and sign up again for the "
                        "waiting list."
                    )
                    % {"people": people, "most": signup.people + left}
                )
        signup.people = people
        signup.save(update_fields=["people"])
        move_up(rows)
    return signup


def move_up(rows):
    """Walk the waiting list in order: every sign-up that fits in the places left is confirmed
    and e-mailed. Then store the places left. Call under lock_activity()."""
    _capacity, left = places_left(rows)
    moved = []
    for waiting in SignUp.objects.of_activity(rows[0]).waiting().select_related("activity"):
        if left is not None and left <= 0:
            break
        if fits(waiting.people, left):
            waiting.status = SignUp.Status.CONFIRMED
            waiting.save(update_fields=["status"])
            moved.append(waiting)
            left = None if left is None else left - waiting.people
    store_places_left(rows)
    for signup in moved:
        emails.moved_up(signup)
    return moved


def recount(activity):
    """After the activity was published (its number of places may have changed)."""
    with transaction.atomic():
        rows = lock_activity(activity)
        if rows:
            move_up(rows)


def store_places_left(rows):
    """Write the places left on every translation; a new page-cache generation when the
    activity became full or has places again."""
    _capacity, left = places_left(rows)
    before = rows[0].places_left
    if all(row.places_left == left for row in rows):
        return
    ActivityPage.objects.filter(pk__in=[row.pk for row in rows]).update(places_left=left)
    for row in rows:
        row.places_left = left
    if (before == 0) != (left == 0):
        invalidate()
