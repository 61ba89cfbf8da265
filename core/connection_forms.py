"""Forms of the Connections settings: the email address, the morning email, and API tokens."""

from typing import Any

from django import forms

from core.forms import TIME_WIDGET, DeleteAccountForm
from core.models import AccessToken, Connections


class EmailChangeForm(DeleteAccountForm):
    """A new address, with the password again (as for deleting the account): the address is how a password is reset."""

    new_email = forms.EmailField(label="New email address", max_length=254)
    field_order = ["new_email", "password"]

    def clean_new_email(self) -> str:
        email = self.cleaned_data["new_email"].strip()
        if email.lower() == self.user.email.lower():
            raise forms.ValidationError("That is your address already.")
        return email


class MorningEmailForm(forms.ModelForm):
    class Meta:
        model = Connections
        fields = ["morning_email", "morning_email_time"]
        widgets = {"morning_email_time": TIME_WIDGET}

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        if cleaned.get("morning_email") and not self.instance.user.email:
            raise forms.ValidationError("Add an email address first: the morning email needs somewhere to go.")
        return cleaned


class AccessTokenForm(forms.ModelForm):
    class Meta:
        model = AccessToken
        fields = ["name"]
        labels = {"name": "Token name"}
        help_texts = {"name": "What it is for, e.g. “home dashboard”."}
