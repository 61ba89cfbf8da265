"""WebSocket URL routes."""

from django.urls import path

from core.consumers import DashboardConsumer, ProgressConsumer

websocket_urlpatterns = [
    path("ws/dashboard/", DashboardConsumer.as_asgi()),
    path("ws/progress/<int:run_id>/", ProgressConsumer.as_asgi()),
]
