"""The site's authentication backend: Django's `ModelBackend`, the signed-in person read with one prepared query.

Every signed-in request loads its person (`request.user`). `ModelBackend.get_user` builds that query with the
ORM each time: a filter, a compiler and 26 quoted columns cost about 250 µs on the development machine, a
third of a kept dashboard's request, for a row the database returns in some 35 µs. Here the ORM builds the
same query once per database; each request runs it, applies the ORM's own converters to the row and makes
the person with `Model.from_db`, as a queryset does. Signing in, permissions and everything else are
`ModelBackend`'s.

Sessions name the backend that signed their person in (`_auth_user_backend`): migration 0009 renamed Django's
backend to this one in the sessions stored before it, so nobody was signed out.
"""

from dataclasses import dataclass
from functools import cache
from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import ValidationError
from django.db import connections, router
from django.db.models.sql.compiler import SQLCompiler

from core.models import User

PATH = "core.auth.PersonBackend"  # what a session stores as its backend
_ANY_PK = 0  # stands for the key while the query is built


@dataclass(frozen=True)
class PersonQuery:
    """`User.objects.filter(pk=…)` as the ORM compiles it for one database: its SQL, columns and converters."""

    sql: str
    attnames: list[str]
    compiler: SQLCompiler
    converters: dict[int, Any]


@cache
def person_query(alias: str) -> PersonQuery:
    compiler = User._default_manager.db_manager(alias).filter(pk=_ANY_PK).query.get_compiler(alias)
    sql, params = compiler.as_sql()
    if list(params) != [_ANY_PK]:
        raise RuntimeError(f"the person's query has parameters {params!r}, expected only the key")
    columns = [column for column, _, _ in compiler.select]
    attnames = [column.target.attname for column in columns]
    return PersonQuery(sql, attnames, compiler, compiler.get_converters(columns))


def load_person(user_id: object) -> User | None:
    """The person with this key, as `User.objects.get(pk=user_id)` gives them; None when there is none."""
    try:
        pk = User._meta.pk.to_python(user_id)  # the session holds the key as text
    except ValidationError:
        return None
    alias = router.db_for_read(User)
    lowest, highest = connections[alias].ops.integer_field_range(User._meta.pk.get_internal_type())
    if pk is None or not lowest <= pk <= highest:  # the ORM finds nobody for a key its column cannot hold
        return None
    query = person_query(alias)
    with connections[alias].cursor() as cursor:
        cursor.execute(query.sql, [pk])
        row = cursor.fetchone()
    if row is None:
        return None
    if query.converters:
        row = next(iter(query.compiler.apply_converters([row], query.converters)))
    return User.from_db(alias, query.attnames, row)


class PersonBackend(ModelBackend):
    """`ModelBackend`, with the signed-in person loaded by `load_person`."""

    def get_user(self, user_id: Any) -> User | None:
        user = load_person(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None
