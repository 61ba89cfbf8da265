"""A session's sockets end with the session: at logout, at a new password, with the account."""

from django.contrib.auth.signals import user_logged_out
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from core.consumers import CLOSE_SESSION_CHANGED, CLOSE_UNAUTHENTICATED
from core.events import close_sockets_after_commit, person_sockets_group, session_sockets_group
from core.models import User


@receiver(user_logged_out)
def close_the_sessions_sockets(sender, request, user, **kwargs) -> None:
    session_key = getattr(request, "session", None) and request.session.session_key
    if session_key:
        close_sockets_after_commit(session_sockets_group(session_key), CLOSE_UNAUTHENTICATED)


@receiver(post_save, sender=User)
def close_sockets_at_a_new_password(sender, instance: User, created: bool, **kwargs) -> None:
    """Every socket reconnects: the session that changed the password gets back in, the others are
    refused (Django ends them by the password hash)."""
    if not created and instance._password is not None:  # type: ignore[attr-defined]  # Django's private field, not in django-stubs  # set by set_password() until the save completes
        close_sockets_after_commit(person_sockets_group(instance.pk), CLOSE_SESSION_CHANGED)


@receiver(post_delete, sender=User)
def close_sockets_of_a_deleted_account(sender, instance: User, **kwargs) -> None:
    close_sockets_after_commit(person_sockets_group(instance.pk), CLOSE_UNAUTHENTICATED)
