"""The room's door: Voilà's login page, replaced by the kit's friendly "type the room code" page.

Voilà renders its pages with its own template paths (where the kit's template lives) but the login
page with Jupyter server's, so the handler is swapped here; Voilà loads this class by name
(`--Voila.identity_provider_class`).
"""

from __future__ import annotations

import uuid
from typing import Any

from jupyter_server.auth.identity import User

from kit import voila_compat

__all__ = ["RoomIdentityProvider"]


class RoomLoginHandler(voila_compat.LoginHandler):
    def get_template(self, name: str) -> Any:
        if name == "login.html":
            return voila_compat.page_templates(self.settings).get_template(name)
        return super().get_template(name)


class RoomIdentityProvider(voila_compat.IdentityProvider):
    def get_handlers(self) -> list:
        return voila_compat.login_handlers(super().get_handlers(), RoomLoginHandler)

    def user_for_token(self, token: str) -> User:
        """Called by Jupyter server's login form once the typed room code matched (its base class lacks
        it, so typing the code crashed). Each teen is a new anonymous user: no name is asked."""
        return User(username=uuid.uuid4().hex, name="ado", display_name="Ado")
