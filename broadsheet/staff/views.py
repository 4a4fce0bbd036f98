"""Signing in, with failures throttled, and resetting a forgotten password."""

from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _

from broadsheet.core.clients import client_ip
from broadsheet.staff import throttle
from broadsheet.staff.forms import QueuedPasswordResetForm


def _too_many(request: HttpRequest, form, template: str, wait: int) -> HttpResponse:
    response = render(
        request,
        template,
        {
            "form": form,
            "message": _(
                "Too many attempts from your network. Please wait %(minutes)d "
                "minutes and try again."
            )
            % {"minutes": max(1, round(wait / 60))},
        },
        status=429,
    )
    response["Retry-After"] = str(wait)
    return response


class SignInView(auth_views.LoginView):
    """Django's sign-in, refusing with a 429 after 10 failures in 10 minutes
    from one network, or for one account from one network."""

    template_name = "staff/login.html"
    redirect_authenticated_user = True

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        username = request.POST.get("username", "")
        wait = throttle.retry_after(client_ip(request), username)
        if wait:
            return _too_many(request, self.get_form(), self.template_name, wait)
        return super().post(request, *args, **kwargs)

    def get_default_redirect_url(self) -> str:
        user = self.request.user
        if not user.is_staff and user.has_perm("discussion.change_comment"):
            return reverse("moderation:queue")
        return super().get_default_redirect_url()

    def form_invalid(self, form) -> HttpResponse:
        throttle.record_failure(
            client_ip(self.request), self.request.POST.get("username", "")
        )
        response = super().form_invalid(form)
        response.status_code = 400
        return response


class PasswordResetView(auth_views.PasswordResetView):
    """The same answer whether or not the address belongs to someone."""

    form_class = QueuedPasswordResetForm
    template_name = "staff/password_reset.html"
    success_url = reverse_lazy("staff:password_reset_done")

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        wait = throttle.reset_retry_after(client_ip(request))
        if wait:
            return _too_many(request, self.get_form(), self.template_name, wait)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form) -> HttpResponse:
        response = super().form_invalid(form)
        response.status_code = 400
        return response


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "staff/password_reset_confirm.html"
    success_url = reverse_lazy("staff:password_reset_complete")
    post_reset_login = False

    def form_invalid(self, form) -> HttpResponse:
        response = super().form_invalid(form)
        response.status_code = 400
        return response
