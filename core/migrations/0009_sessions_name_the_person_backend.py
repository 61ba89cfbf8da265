"""Sessions stored before `core.auth.PersonBackend` named Django's `ModelBackend`: they name the new backend.

`django.contrib.auth.get_user` signs a session's person out when its backend is no longer in
AUTHENTICATION_BACKENDS; renaming it in each stored session keeps everybody signed in. A session that
cannot be read (signed with another SECRET_KEY, or damaged) is left as it is: it signs nobody in either way.
"""

from importlib import import_module

from django.conf import settings
from django.db import migrations

OLD, NEW = "django.contrib.auth.backends.ModelBackend", "core.auth.PersonBackend"
BACKEND_KEY = "_auth_user_backend"


def rename_backend(apps, schema_editor, old=OLD, new=NEW):
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    Session = apps.get_model("sessions", "Session")
    rows = Session.objects.using(schema_editor.connection.alias)
    for session in rows.filter(session_data__isnull=False).iterator():
        data = store.decode(session.session_data)  # {} when it cannot be read
        if data.get(BACKEND_KEY) == old:
            data[BACKEND_KEY] = new
            rows.filter(pk=session.pk).update(session_data=store.encode(data))


def rename_back(apps, schema_editor):
    rename_backend(apps, schema_editor, old=NEW, new=OLD)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0008_run_attempts"),
        ("sessions", "0001_initial"),
    ]

    operations = [migrations.RunPython(rename_backend, rename_back, elidable=True)]
