"""Personal data the framework keeps: volunteers' accounts and sign-in records; and fields of
Django's, Wagtail's, wagtail-localize's and the shared core's own models that look personal but
are not (core is below this app and does not know the register)."""

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth import get_user_model
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from wagtail.users.models import UserProfile

from .erasure import neutral_log_labels
from .register import Action, LegalBasis, PersonalData, not_personal, register

User = get_user_model()
REMOVED_ACCOUNT_PREFIX = "removed-"


def dormant_accounts(cutoff):
    """Accounts nobody signed in to since the cutoff; administrators keep theirs."""
    return (
        User.objects.filter(is_superuser=False)
        .exclude(username__startswith=REMOVED_ACCOUNT_PREFIX)
        .annotate(last_seen=Coalesce("last_login", "date_joined"))
        .filter(last_seen__lt=cutoff)
    )


def anonymise_accounts(users):
    """The account stays (revisions and comments still point to it) without anything personal;
    it can no longer sign in."""
    for user in users:
        user.username = f"{REMOVED_ACCOUNT_PREFIX}{user.pk}"
        user.first_name = user.last_name = user.email = ""
        user.is_active = False
        user.set_unusable_password()
        user.save()
        profile = UserProfile.objects.filter(user=user).first()
        if profile and profile.avatar:
            profile.avatar.delete()
    neutral_log_labels(User, [user.pk for user in users])


def sign_ins_of(email):
    accounts = User.objects.filter(email__iexact=email).values_list("username", flat=True)
    return {"username__in": [email, *accounts]}


register(
    PersonalData(
        key="accounts",
        model=User,
        fields=("username", "first_name", "last_name", "email"),
        label=_("Accounts of volunteers"),
        holds=_(
            "The user name, name, e-mail address and profile photo of everyone who works in "
            "the site's admin, and which account made which change."
        ),
        purpose=_("To sign in, to divide the work by role, and to know who changed what."),
        legal_basis=LegalBasis.AGREEMENT,
        retention_days=730,
        retention_start=_("%(period)s after the last sign-in (administrators excepted)"),
        action=Action.ANONYMISE,
        expired=dormant_accounts,
        find=lambda email: User.objects.filter(email__iexact=email),
        erase=anonymise_accounts,
    ),
)

SIGN_IN_RECORDS = (
    ("sign_ins", AccessLog, _("Sign-ins to the admin")),
    ("failed_sign_ins", AccessFailureLog, _("Failed sign-ins to the admin")),
    ("sign_in_lockouts", AccessAttempt, _("Sign-in lockouts")),
)
for key, model, label in SIGN_IN_RECORDS:
    register(
        PersonalData(
            key=key,
            model=model,
            fields=("username", "ip_address", "user_agent"),
            label=label,
            holds=_("The user name, internet address and browser used, with the time."),
            purpose=_("To block someone who tries to guess a password, and to investigate misuse."),
            legal_basis=LegalBasis.LEGITIMATE_INTEREST,
            retention_days=90,
            retention_start=_("%(period)s after the sign-in"),
            action=Action.DELETE,
            expired=lambda cutoff, model=model: model.objects.filter(attempt_time__lt=cutoff),
            find=lambda email, model=model: model.objects.filter(**sign_ins_of(email)),
        )
    )

NOT_PERSONAL = {
    "wagtailcore.Site.site_name": "the name of a website",
    "wagtailcore.Site.hostname": "the host name of a website",
    "wagtailcore.Collection.name": "the name of a media collection",
    "wagtailcore.Workflow.name": "the name of a review workflow",
    "wagtailcore.Task.name": "the name of a review step",
    "wagtailcore.GroupApprovalTask.name": "the name of a review step",
    "wagtailcore.TaskState.comment": "a moderator's review comment, kept with the page history",
    "wagtailcore.PageSubscription.comment_notifications": "a yes/no notification preference",
    "wagtailusers.UserProfile.updated_comments_notifications": "a yes/no notification preference",
    "wagtail_localize.StringTranslation.tool_name": "the name of a translation tool",
    "taggit.Tag.name": "a tag",
    "auth.Permission.name": "the name of a permission",
    "auth.Permission.codename": "the code of a permission",
    "auth.Group.name": "the name of a role",
    "core.SentEmail.message_id": "the technical identifier of an e-mail message",
    "core.ContactSettings.email": "the organisation's general contact details, not a person's",
    "core.ContactSettings.phone": "the organisation's general contact details, not a person's",
    "django_tasks_database.DBTaskResult.backend_name": "the name of a job queue backend",
    "django_tasks_database.DBTaskResult.queue_name": "the name of a job queue",
    "otp_static.StaticDevice.name": "the label of a set of recovery codes",
    "otp_totp.TOTPDevice.name": "the label of an authenticator app",
}
for field, reason in NOT_PERSONAL.items():
    not_personal(field, reason)
