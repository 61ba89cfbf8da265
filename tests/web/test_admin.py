"""Every model is in the admin, and each list page opens for staff."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

from core.models import DayNote, JobRun, SchedulerHeartbeat

pytestmark = pytest.mark.django_db


def test_every_model_of_the_app_is_registered():
    missing = [m.__name__ for m in apps.get_app_config("core").get_models() if not admin.site.is_registered(m)]
    assert missing == []


@pytest.mark.parametrize("model", [JobRun, SchedulerHeartbeat, DayNote])
def test_the_list_pages_open_with_their_columns_and_filters(admin_client, model):
    url = reverse(f"admin:core_{model._meta.model_name}_changelist")
    response = admin_client.get(url)

    assert response.status_code == 200
    model_admin = admin.site.get_model_admin(model)
    assert len(model_admin.list_display) >= 4
    assert model_admin.list_filter
