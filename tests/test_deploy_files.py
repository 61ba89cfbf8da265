"""The deployment files of docs/deploy parse and agree with the project (CI builds the image only
where Docker runs)."""

import configparser
import re
from pathlib import Path

import pytest
import yaml

DEPLOY = Path(__file__).resolve().parent.parent / "docs" / "deploy"
ROOT = DEPLOY.parent.parent
DOCKER_INSTRUCTIONS = {"FROM", "ENV", "RUN", "WORKDIR", "COPY", "USER", "VOLUME", "EXPOSE", "HEALTHCHECK", "CMD"}


def test_the_compose_file_builds_the_site_from_the_dockerfile_with_optional_postgres_and_redis():
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text())

    site = compose["services"]["site"]
    assert (DEPLOY / site["build"]["context"] / site["build"]["dockerfile"]).is_file()
    assert compose["services"]["postgres"]["profiles"] == ["scale"]
    assert compose["services"]["redis"]["profiles"] == ["scale"]


def test_the_dockerfile_uses_known_instructions_and_copies_what_exists():
    lines = re.sub(r"\\\n", " ", (DEPLOY / "Dockerfile").read_text()).splitlines()
    instructions = [line.split()[0] for line in lines if line.strip() and not line.startswith("#")]

    assert set(instructions) <= DOCKER_INSTRUCTIONS
    for line in lines:
        if line.startswith("COPY "):
            for source in line.split()[1:-1]:
                assert (ROOT / source).exists(), source
    assert "requirements.txt" in (DEPLOY / "Dockerfile").read_text()


@pytest.mark.parametrize("unit", ["gcode.service", "gcode-scheduler.service", "gcode-worker@.service"])
def test_the_systemd_units_parse_and_run_the_project(unit):
    parser = configparser.ConfigParser(strict=True, interpolation=None)
    parser.optionxform = str  # systemd keys are case-sensitive
    parser.read_string((DEPLOY / unit).read_text())

    assert set(parser.sections()) == {"Unit", "Service", "Install"}
    assert parser["Service"]["ExecStart"].startswith("/srv/gcode/.venv/bin/")
    assert parser["Service"]["UMask"] == "0077"


def test_the_nginx_site_balances_its_braces_and_upgrades_websockets():
    text = "\n".join(line.split("#")[0] for line in (DEPLOY / "nginx.conf").read_text().splitlines())

    assert text.count("{") == text.count("}")
    assert all(line.strip().endswith((";", "{", "}")) for line in text.splitlines() if line.strip())
    assert 'proxy_set_header Connection "upgrade";' in text
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in text
    assert "ssl_certificate " in text


def test_the_worker_unit_serves_on_its_instance_port_without_a_scheduler_behind_the_nginx_upstream():
    parser = configparser.ConfigParser(strict=True, interpolation=None)
    parser.optionxform = str
    parser.read_string((DEPLOY / "gcode-worker@.service").read_text())
    nginx = (DEPLOY / "nginx.conf").read_text()

    assert parser["Service"]["Environment"] == "SCHEDULER_AUTOSTART=false"
    assert " -p %i gcode_site.asgi:application" in parser["Service"]["ExecStart"]
    assert "upstream gcode {" in nginx
    assert nginx.count("proxy_pass http://gcode;") == 2  # pages and sockets alike


def test_collectstatic_with_the_production_storage_hashes_every_file(tmp_path, settings):
    from django.core.management import call_command

    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", "--noinput", verbosity=0)  # a CSS file naming a missing file stops it

    manifest = (tmp_path / "staticfiles.json").read_text()
    assert "vendor/swagger-ui-5.35.0.css" in manifest
