"""The personal API: read-only JSON about oneself, by session or personal access token, with an OpenAPI schema."""
