"""A sales team's day against Embudo, through odoorpc (unchanged, from PyPI), driven by Locust.

Each simulated salesperson logs in once with odoorpc and then, without pause, searches the pipeline
list (weight 10), opens a lead's form (20), moves a lead to another stage (5), schedules and completes
an activity (5) or reads the pipeline grouped by stage and expected-closing month (1). Every odoorpc
call is reported to Locust as one request named after what it does.

Environment: EMBUDO_HOST, EMBUDO_PORT, EMBUDO_DB, EMBUDO_LOGINS (comma-separated), EMBUDO_PASSWORD.
"""
import os
import random
import time

import odoorpc
from locust import User, between, events, task

LEAD_FIELDS = ["name", "partner_id", "email_from", "phone", "stage_id", "user_id", "expected_revenue", "probability",
               "date_deadline", "tag_ids"]
FORM_FIELDS = LEAD_FIELDS + ["type", "priority", "team_id", "contact_name", "partner_name", "street", "city", "country_id",
                             "description", "activity_ids", "activity_state", "lost_reason", "date_open", "create_date"]
LOGINS = os.environ.get("EMBUDO_LOGINS", "admin").split(",")


class Salesperson(User):
    wait_time = between(0, 0)

    def on_start(self):
        self.odoo = odoorpc.ODOO(os.environ.get("EMBUDO_HOST", "127.0.0.1"), port=int(os.environ.get("EMBUDO_PORT", "8069")),
                                 timeout=30)
        self.odoo.login(os.environ.get("EMBUDO_DB", "embudo"), random.choice(LOGINS), os.environ["EMBUDO_PASSWORD"])
        self.leads = self.call("crm.lead", "search", [[["type", "=", "opportunity"], ["probability", "<", 100]]], {"limit": 500},
                               name="setup: opportunities")
        self.stages = self.call("crm.stage", "search", [[["is_won", "=", False]]], name="setup: stages")
        self.call_type = self.call("mail.activity.type", "search", [[["name", "=", "Call"]]], name="setup: activity type")[0]
        self.lead_model = self.call("ir.model", "search", [[["model", "=", "crm.lead"]]], name="setup: model")[0]

    def call(self, model, method, args, kwargs=None, name=None):
        """One odoorpc execute_kw, timed and reported to Locust."""
        started = time.perf_counter()
        error = None
        result = None
        try:
            result = self.odoo.execute_kw(model, method, args, kwargs or {})
        except Exception as exception:  # every failure counts as an error of this request
            error = exception
        events.request.fire(request_type="odoorpc", name=name or f"{model}.{method}", response_time=(time.perf_counter() - started) * 1000,
                            response_length=0, exception=error, context={})
        return result

    @task(10)
    def search_list(self):
        word = random.choice(["opportunity 1", "opportunity 2", "opportunity 3", "buyer4", "buyer5"])
        self.call("crm.lead", "search_read", [["|", ["name", "ilike", word], ["email_from", "ilike", word]], LEAD_FIELDS],
                  {"limit": 80}, name="list: search_read 80, OR-ilike")

    @task(20)
    def open_form(self):
        self.call("crm.lead", "read", [[random.choice(self.leads)], FORM_FIELDS], name="form: read one lead")

    @task(5)
    def move_stage(self):
        self.call("crm.lead", "write", [[random.choice(self.leads)], {"stage_id": random.choice(self.stages)}], name="kanban: stage move")

    @task(5)
    def schedule_and_complete_activity(self):
        activity = self.call("mail.activity", "create", [{"res_model_id": self.lead_model, "res_id": random.choice(self.leads),
                                                          "activity_type_id": self.call_type, "summary": "Call back"}],
                             name="activity: schedule")
        if activity:
            self.call("mail.activity", "action_feedback", [[activity]], {"feedback": "Done"}, name="activity: mark done")

    @task(1)
    def pipeline_report(self):
        self.call("crm.lead", "read_group", [[["type", "=", "opportunity"]], ["expected_revenue"], ["stage_id", "date_deadline:month"]],
                  {"lazy": False}, name="report: pipeline by stage and month")
