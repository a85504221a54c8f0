"""The smoke test each public form has: it is built on the shared protections, which
tests/test_form_protections.py tests once."""

from submissions.protection import ProtectedForm
from submissions.views import PublicSubmissionView


def assert_uses_the_shared_protections(test, view_class):
    test.assertTrue(issubclass(view_class, PublicSubmissionView), view_class)
    test.assertTrue(issubclass(view_class.form_class, ProtectedForm), view_class.form_class)
