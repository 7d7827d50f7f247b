"""`flask seed` and `flask users` as an operator runs them."""

from sqlalchemy import func, select

from marketplace.models import Role, Town, User, db


def test_seed_is_idempotent(app):
    """Loading the reference data twice leaves the same rows."""
    runner = app.test_cli_runner()
    before = db.session.scalar(select(func.count()).select_from(Town))
    result = runner.invoke(args=["seed"])
    assert result.exit_code == 0, result.output
    assert "towns 156" in result.output
    assert db.session.scalar(select(func.count()).select_from(Town)) == before


def test_create_staff_and_admin(app):
    """Staff and administrator accounts are created from the command line."""
    runner = app.test_cli_runner()
    result = runner.invoke(
        args=[
            "users",
            "create-staff",
            "--mobile",
            "13311112222",
            "--name",
            "站长",
            "--password",
            "station-pass-1",
        ],
    )
    assert result.exit_code == 0, result.output
    result = runner.invoke(
        args=[
            "users",
            "create-admin",
            "--mobile",
            "13311113333",
            "--name",
            "管理员",
            "--password",
            "admin-pass-1",
        ],
    )
    assert result.exit_code == 0, result.output
    roles = dict(db.session.execute(select(User.mobile, User.role)).all())
    assert roles == {"13311112222": Role.STAFF, "13311113333": Role.ADMIN}


def test_create_staff_refuses_bad_mobile(app):
    """A bad mobile number is reported and no account is made."""
    result = app.test_cli_runner().invoke(
        args=[
            "users",
            "create-staff",
            "--mobile",
            "999",
            "--name",
            "x",
            "--password",
            "long-pass-1",
        ],
    )
    assert result.exit_code != 0
    assert db.session.scalar(select(func.count()).select_from(User)) == 0
