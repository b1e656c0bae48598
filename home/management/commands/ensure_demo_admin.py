import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Creates the demo administrator if missing and prints its credentials. The password "
        "comes from DEMO_ADMIN_PASSWORD, else is generated once and kept in var/ (never in git)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default=os.environ.get("DEMO_ADMIN_USERNAME", "admin"))

    def handle(self, *args, username, **options):
        password_file = settings.VAR_DIR / "demo-admin-password"
        password = os.environ.get("DEMO_ADMIN_PASSWORD")
        if not password and password_file.exists():
            password = password_file.read_text().strip()
        if not password:
            password = secrets.token_urlsafe(12)
        settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
        password_file.write_text(password)
        password_file.chmod(0o600)

        User = get_user_model()
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User.objects.create_superuser(username=username, email="", password=password)
            action = "created"
        else:
            if not user.check_password(password):
                user.set_password(password)
                user.save(update_fields=["password"])
            action = "already present"
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo administrator {action}.\n"
                f"  Admin:    {settings.WAGTAILADMIN_BASE_URL}/admin/\n"
                f"  Username: {username}\n"
                f"  Password: {password}"
            )
        )
