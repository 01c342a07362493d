"""The leak-protection panel of a ProxyVM: one switch and four toggles, saved as features.

The settings are features on the ProxyVM (`service.qubes-fw-leakguard` and
`vm-config.qubes-fw-leakguard-*`, encoded by model.leakguard_settings); the
qubes-fw-leakguard service inside the ProxyVM reads them from QubesDB and
enforces them. The panel also shows what decides whether that happens at all:
does the template ship the service, is the ProxyVM running, and which
downstream qubes it protects. Every dom0 call runs off the GUI thread.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass

from PyQt5 import uic
from PyQt5.QtCore import QTimer, pyqtSignal
from PyQt5.QtGui import QCloseEvent, QFont, QFontDatabase, QFontInfo
from PyQt5.QtWidgets import QCheckBox, QLabel, QLineEdit, QWidget

from qubes_fw_gui import paths
from qubes_fw_gui.admin.port import AdminError, AdminPort, Event, PermissionDenied, QubeInfo
from qubes_fw_gui.model.leakguard_settings import (
    SERVICE_FEATURE,
    SUPPORTED_FEATURE,
    LeakGuardSettings,
    SettingsError,
    parse_interfaces,
    parse_resolvers,
    validate_interfaces,
    validate_resolvers,
)
from qubes_fw_gui.widgets.downstream_list import Downstream, fill_downstream, firewall_summary
from qubes_fw_gui.widgets.event_follower import EventFollower
from qubes_fw_gui.widgets.feature_writes import FeatureWrite, plan_feature_writes
from qubes_fw_gui.widgets.worker import run_in_background

# Every feature the panel reads and writes: the encoding writes all of them on each change.
FEATURE_NAMES: tuple[str, ...] = tuple(LeakGuardSettings().to_features())

ERROR_COLOUR = "#c01c28"
WARNING_COLOUR = "#9c5d00"  # amber dark enough to read on a light window background
BANNER_STYLE = (
    "QLabel { background: #fff3c4; color: #3d2b00; border: 1px solid #d9a400;"
    " border-radius: 4px; padding: 8px; }"
)
_LIFECYCLE = frozenset(
    ("domain-start", "domain-shutdown", "domain-paused", "domain-unpaused", "domain-start-failed")
)
_DOWNSTREAM_EVENTS = _LIFECYCLE | {
    "firewall-changed",
    "property-set:netvm",
    "property-reset:netvm",
    "property-set:label",
}
_RELOAD_DELAY_MS = 150  # one reload for a burst of events (a Save sends seven)


@dataclass(frozen=True)
class _Snapshot:
    """What one background load read from dom0."""

    qube: QubeInfo
    features: dict[str, str]  # the leak-protection features set on the ProxyVM
    supported: bool  # its template advertises supported-service.qubes-fw-leakguard
    downstream: list[Downstream]


@dataclass(frozen=True)
class _Form:
    """What the person sees in the fields; lists normalised so spacing is no change."""

    enabled: bool
    tunnel_only: bool
    interfaces: str
    dns_via_tunnel_only: bool
    resolvers: str
    block_ipv6: bool
    log_drops: bool


class LeakProtectionPanel(QWidget):
    """Leak protection of one ProxyVM; `load()` fills it, `save()` writes what changed."""

    changed = pyqtSignal()
    saved = pyqtSignal()
    error = pyqtSignal(str)
    loaded = pyqtSignal()

    supportBanner: QLabel
    stateLabel: QLabel
    enabledCheck: QCheckBox
    settingsBox: QWidget
    tunnelOnlyCheck: QCheckBox
    interfacesLabel: QLabel
    interfacesEdit: QLineEdit
    interfacesMessage: QLabel
    killSwitchHint: QLabel
    dnsCheck: QCheckBox
    resolversLabel: QLabel
    resolversEdit: QLineEdit
    resolversMessage: QLabel
    ipv6Check: QCheckBox
    logCheck: QCheckBox
    downstreamBox: QWidget
    downstreamNote: QLabel
    statusLabel: QLabel

    def __init__(self, port: AdminPort, qube: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        uic.loadUi(paths.ui_file("leak_panel.ui"), self)
        self._port = port
        self._qube = qube
        self._info: QubeInfo | None = None
        self._features: dict[str, str] = {}  # what is on the qube, as far as we know
        self._saved_settings = LeakGuardSettings()
        self._saved_form: _Form | None = None
        self._repair = False  # the stored features are malformed: a Save is worth making as is
        self._status_is_done_note = False
        self._discard_edits = False  # set by load(): its result replaces the fields
        self._busy = False
        self._generation = 0  # loads started before a save began are stale
        self._filling = False  # set while the panel writes its own fields
        self._follower: EventFollower | None = None
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(_RELOAD_DELAY_MS)
        self._reload_timer.timeout.connect(self._start_load)

        self.supportBanner.setStyleSheet(BANNER_STYLE)
        for message in (self.interfacesMessage, self.resolversMessage):
            message.setStyleSheet(f"color: {ERROR_COLOUR};")
            message.hide()
        for box in (self.enabledCheck, self.tunnelOnlyCheck, self.dnsCheck, self.ipv6Check, self.logCheck):
            box.toggled.connect(self._on_edited)
        for edit in (self.interfacesEdit, self.resolversEdit):
            edit.textChanged.connect(self._on_edited)
        self.downstreamBox.setTitle(self.tr("Downstream qubes (net qube: {qube})").format(qube=qube))
        self.stateLabel.setText(self.tr("Reading the settings of {qube}…").format(qube=qube))
        self._show_status("")
        self._set_editable(False)

    # -- public API ---------------------------------------------------------------------------

    def qube(self) -> str:
        return self._qube

    def load(self) -> None:
        """(Re)read everything from dom0, replacing unsaved edits (Reload); follow events from now.

        Reloads caused by dom0 events, by contrast, keep the person's edits.
        """
        self._discard_edits = True
        if self._follower is None:
            self._follower = EventFollower(self._port, None, self)
            self._follower.event_arrived.connect(self._on_event)
            self._follower.start()
        self._start_load()

    def stop_following(self) -> None:
        """Stop listening to dom0 events (the window calls it when it closes)."""
        if self._follower is not None:
            self._follower.stop()
            self._follower = None

    def is_loaded(self) -> bool:
        """True once the first load has filled the fields."""
        return self._saved_form is not None

    def is_modified(self) -> bool:
        return self._saved_form is not None and (self._repair or self._form() != self._saved_form)

    def is_valid(self) -> bool:
        """False while a list in effect has a bad entry (its message is shown)."""
        return self._settings() is not None

    def can_save(self) -> bool:
        """What a Save/Apply button should follow: loaded, idle, valid and changed."""
        return self._saved_form is not None and not self._busy and self.is_valid() and self.is_modified()

    def is_busy(self) -> bool:
        return self._busy

    def settings(self) -> LeakGuardSettings | None:
        """The settings as shown, or None while a field in effect is invalid."""
        return self._settings()

    def save(self) -> None:
        """Write the changed features off the GUI thread; `saved` or `error` follows."""
        if self._busy or self._saved_form is None:
            return
        settings = self._settings()
        if settings is None:
            message = self.tr("Fix the marked field first: nothing was saved.")
            self._show_status(message, error=True)
            self.error.emit(message)
            return
        form = self._form()
        writes = plan_feature_writes(self._features, settings.to_features())
        if not writes:
            self._finish_save(form, settings, [], None)
            return
        self._busy = True
        self._generation += 1  # a load that read half-written features must not land
        self._set_editable(False)
        self._show_status(self.tr("Saving…"))
        self.changed.emit()
        run_in_background(
            self._write_features(writes),
            on_success=lambda result: self._finish_save(form, settings, *result),
            on_error=lambda error: self._finish_save(form, settings, [], error),
            receiver=self,
        )

    # -- loading ----------------------------------------------------------------------------

    def _start_load(self) -> None:
        self._generation += 1
        generation = self._generation
        run_in_background(
            self._read_snapshot,
            on_success=lambda snapshot: self._apply_snapshot(snapshot, generation),
            on_error=lambda error: self._load_failed(error, generation),
            receiver=self,
        )

    def _read_snapshot(self) -> _Snapshot:
        """Runs on the pool: every dom0 read the panel needs, in one go."""
        port, name = self._port, self._qube
        info = port.get_qube(name)
        features: dict[str, str] = {}
        for feature in FEATURE_NAMES:
            value = port.get_feature(name, feature)
            if value is not None:
                features[feature] = value
        supported = bool(port.check_feature_with_template(name, SUPPORTED_FEATURE))
        colours: dict[str, str] = {}
        downstream: list[Downstream] = []
        for qube in port.list_qubes():
            if qube.netvm != name:
                continue
            if qube.label not in colours:
                colours[qube.label] = port.label_color(qube.label)
            try:
                summary = firewall_summary(port.get_rules(qube.name))
            except AdminError as error:
                summary = self.tr("cannot read: {reason}").format(reason=error.message)
            downstream.append(Downstream(qube, colours[qube.label], summary))
        return _Snapshot(info, features, supported, downstream)

    def _apply_snapshot(self, snapshot: _Snapshot, generation: int) -> None:
        if generation != self._generation or self._busy:
            return
        self._info = snapshot.qube
        self._show_support(snapshot.qube, snapshot.supported)
        self._show_downstream(snapshot.downstream)
        if (
            self._saved_form is None
            or self._discard_edits
            or (not self.is_modified() and snapshot.features != self._features)
        ):
            self._discard_edits = False
            self._features = dict(snapshot.features)
            self._fill_from_features(snapshot.features)
        elif snapshot.features != self._features:
            self._features = dict(snapshot.features)
            self._show_status(
                self.tr(
                    "The leak-protection settings of {qube} were changed elsewhere. "
                    "Your edits are kept; saving replaces those settings with yours."
                ).format(qube=self._qube)
            )
        self._set_editable(True)
        self.changed.emit()
        self.loaded.emit()

    def _load_failed(self, error: Exception, generation: int) -> None:
        if generation != self._generation:
            return
        message = self.tr("Could not read the settings of {qube}: {reason}").format(
            qube=self._qube, reason=_reason(error)
        )
        self.stateLabel.setText(message)
        self._show_status(message, error=True)
        self.error.emit(message)

    def _fill_from_features(self, features: dict[str, str]) -> None:
        try:
            settings = LeakGuardSettings.from_features(features)
        except SettingsError as error:
            # Shown, not fatal: the guard in the ProxyVM fails closed on it; a Save repairs it.
            settings = LeakGuardSettings(enabled=bool(features.get(SERVICE_FEATURE)))
            self._repair = True
            self._show_status(
                self.tr(
                    "A leak-protection feature of {qube} is malformed ({key}: {problem}); "
                    "the guard in the ProxyVM blocks all downstream traffic until it is fixed. "
                    "The defaults are shown: Save writes them."
                ).format(qube=self._qube, key=error.key, problem=error.message),
                error=True,
            )
        else:
            self._repair = False
            self._show_status("")
        self._filling = True
        try:
            self.enabledCheck.setChecked(settings.enabled)
            self.tunnelOnlyCheck.setChecked(settings.tunnel_only)
            self.interfacesEdit.setText(" ".join(settings.tunnel_interfaces))
            self.dnsCheck.setChecked(settings.dns_via_tunnel_only)
            self.resolversEdit.setText(" ".join(settings.dns_servers))
            self.ipv6Check.setChecked(settings.block_ipv6)
            self.logCheck.setChecked(settings.log_drops)
        finally:
            self._filling = False
        self._saved_settings = settings
        self._saved_form = self._form()
        self._update_fields()

    # -- what the person edits ------------------------------------------------------------------

    def _form(self) -> _Form:
        return _Form(
            enabled=self.enabledCheck.isChecked(),
            tunnel_only=self.tunnelOnlyCheck.isChecked(),
            interfaces=" ".join(self.interfacesEdit.text().split()),
            dns_via_tunnel_only=self.dnsCheck.isChecked(),
            resolvers=" ".join(self.resolversEdit.text().split()),
            block_ipv6=self.ipv6Check.isChecked(),
            log_drops=self.logCheck.isChecked(),
        )

    def _interfaces_used(self) -> bool:
        # Both toggles mean "the tunnel" by this list: the guard routes DNS by it too.
        return self.tunnelOnlyCheck.isChecked() or self.dnsCheck.isChecked()

    def _interfaces_in_effect(self) -> bool:
        return self.enabledCheck.isChecked() and self._interfaces_used()

    def _resolvers_in_effect(self) -> bool:
        return self.enabledCheck.isChecked() and self.dnsCheck.isChecked()

    def _settings(self) -> LeakGuardSettings | None:
        saved = self._saved_settings
        interfaces = _parsed(parse_interfaces, self.interfacesEdit.text())
        resolvers = _parsed(parse_resolvers, self.resolversEdit.text())
        # A bad list blocks saving only while it is in effect; otherwise the stored one is kept.
        if interfaces is None:
            if self._interfaces_in_effect():
                return None
            interfaces = saved.tunnel_interfaces
        if resolvers is None:
            if self._resolvers_in_effect():
                return None
            resolvers = saved.dns_servers
        return LeakGuardSettings(
            enabled=self.enabledCheck.isChecked(),
            tunnel_only=self.tunnelOnlyCheck.isChecked(),
            tunnel_interfaces=interfaces,
            dns_via_tunnel_only=self.dnsCheck.isChecked(),
            dns_servers=resolvers,
            block_ipv6=self.ipv6Check.isChecked(),
            log_drops=self.logCheck.isChecked(),
        )

    def _on_edited(self, *_: object) -> None:
        self._update_fields()
        if not self._filling:
            if self._status_is_done_note:
                self._show_status("")  # "Saved: ..." is no longer true once the person edits
            self.changed.emit()

    def _update_fields(self) -> None:
        """Enable what is in effect and show each list's problem next to it."""
        enabled = self.enabledCheck.isChecked() and not self._busy and self._saved_form is not None
        self.settingsBox.setEnabled(enabled)
        self.interfacesEdit.setEnabled(self._interfaces_used())
        self.interfacesLabel.setEnabled(self._interfaces_used())
        self.killSwitchHint.setEnabled(self.tunnelOnlyCheck.isChecked())
        self.resolversEdit.setEnabled(self.dnsCheck.isChecked())
        self.resolversLabel.setEnabled(self.dnsCheck.isChecked())
        self._show_problem(
            self.interfacesMessage,
            validate_interfaces(self.interfacesEdit.text()),
            self._interfaces_in_effect(),
        )
        self._show_problem(
            self.resolversMessage,
            validate_resolvers(self.resolversEdit.text()),
            self._resolvers_in_effect(),
        )
        if self._interfaces_in_effect() and not self.interfacesEdit.text().split():
            if self.tunnelOnlyCheck.isChecked():
                warning = self.tr("No tunnel interface listed: all downstream traffic will be blocked.")
            else:
                warning = self.tr("No tunnel interface listed: all DNS from downstream qubes will be blocked.")
            self.interfacesMessage.setText(warning)
            self.interfacesMessage.setStyleSheet(f"color: {WARNING_COLOUR};")
            self.interfacesMessage.show()

    def _show_problem(self, label: QLabel, result: tuple[bool, str], in_effect: bool) -> None:
        ok, message = result
        label.setStyleSheet(f"color: {ERROR_COLOUR};")
        if ok:
            label.clear()
            label.hide()
            return
        if not in_effect:
            message = self.tr("{problem} (not saved while unused)").format(problem=message)
        label.setText(message)
        label.show()

    def _set_editable(self, editable: bool) -> None:
        self.enabledCheck.setEnabled(editable)
        self._update_fields()

    # -- saving -----------------------------------------------------------------------------

    def _write_features(self, writes: list[FeatureWrite]) -> Callable[[], tuple[list[FeatureWrite], Exception | None]]:
        port, name = self._port, self._qube

        def write() -> tuple[list[FeatureWrite], Exception | None]:
            done: list[FeatureWrite] = []
            for feature, value in writes:
                try:
                    if value is None:
                        port.remove_feature(name, feature)
                    else:
                        port.set_feature(name, feature, value)
                except Exception as error:  # noqa: BLE001 - reported inline; earlier writes stand
                    return done, _FailedWrite(feature, error)
                done.append((feature, value))
            return done, None

        return write

    def _finish_save(
        self, form: _Form, settings: LeakGuardSettings, done: list[FeatureWrite], error: Exception | None
    ) -> None:
        for feature, value in done:
            if value is None:
                self._features.pop(feature, None)
            else:
                self._features[feature] = value
        self._busy = False
        self._set_editable(True)
        if error is not None:
            message = self._save_error_text(error)
            self._show_status(message, error=True)
            self.changed.emit()
            self.error.emit(message)
        else:
            self._saved_settings = settings
            self._saved_form = form
            self._repair = False
            self._show_status(self._saved_text(settings))
            self._status_is_done_note = True
            self.changed.emit()
            self.saved.emit()
        self._reload_timer.start()  # read back what dom0 holds now

    def _save_error_text(self, error: Exception) -> str:
        feature = error.feature if isinstance(error, _FailedWrite) else ""
        cause = error.cause if isinstance(error, _FailedWrite) else error
        if isinstance(cause, PermissionDenied):
            reason = self.tr("dom0 denied permission to change {feature}").format(feature=feature)
        else:
            reason = self.tr("{feature}: {reason}").format(feature=feature, reason=_reason(cause))
        return self.tr("Not saved: {reason}. Your settings are still here; Save tries again.").format(
            reason=reason
        )

    def _saved_text(self, settings: LeakGuardSettings) -> str:
        running = self._info is not None and self._info.is_running
        if not settings.enabled:
            return self.tr("Saved: leak protection is off for {qube}.").format(qube=self._qube)
        if running:
            return self.tr("Saved: {qube} is running, its guard applies the settings now.").format(
                qube=self._qube
            )
        return self.tr("Saved: the settings apply when {qube} starts.").format(qube=self._qube)

    # -- what decides enforcement -------------------------------------------------------------

    def _show_support(self, info: QubeInfo, supported: bool) -> None:
        qube = html.escape(info.name)
        if supported:
            self.supportBanner.hide()
        else:
            if info.template:
                where = self.tr("in its template <b>{template}</b> (then shut the template down)").format(
                    template=html.escape(info.template)
                )
            else:
                where = self.tr("in {qube} itself").format(qube=qube)
            self.supportBanner.setText(
                self.tr(
                    "<b>These settings will not be enforced.</b> {qube} does not advertise the "
                    "qubes-fw-leakguard service ({feature}). "
                    "Install the qubes-fw-leakguard package {where}, then restart {qube}. "
                    "Copy the RPM in with qvm-copy; in a Fedora template: {dnf}"
                    "<br>Debian templates: there is no package for them yet."
                ).format(
                    qube=qube,
                    where=where,
                    feature=_mono(SUPPORTED_FEATURE),
                    dnf=_mono("sudo dnf install ./qubes-fw-leakguard-*.noarch.rpm"),
                )
            )
            self.supportBanner.show()
        if not info.provides_network:
            state = self.tr(
                "{qube} does not provide network: no qube can use it as its net qube, "
                "so there is nothing downstream to protect."
            )
        elif not info.is_running:
            state = self.tr("{qube} is not running: the settings apply when it starts.")
        elif supported and info.template:
            state = self.tr(
                "{qube} is running, and its template {template} provides the qubes-fw-leakguard "
                "service: saved settings apply at once."
            )
        elif supported:
            state = self.tr("{qube} is running and provides the qubes-fw-leakguard service: saved settings apply at once.")
        else:
            state = self.tr("{qube} is running.")
        self.stateLabel.setText(state.format(qube=info.name, template=info.template))

    def _show_downstream(self, entries: list[Downstream]) -> None:
        fill_downstream(self.downstreamTree, entries)
        if entries:
            self.downstreamNote.setText(
                self.tr(
                    "These qubes use {qube} as their net qube. The guard checks their traffic "
                    "before their own firewall rules do; a drop by either is final."
                ).format(qube=self._qube)
            )
        else:
            self.downstreamNote.setText(
                self.tr("No qube uses {qube} as its net qube yet.").format(qube=self._qube)
            )

    def _show_status(self, text: str, *, error: bool = False) -> None:
        self._status_is_done_note = False
        self.statusLabel.setStyleSheet(f"color: {ERROR_COLOUR};" if error else "")
        self.statusLabel.setText(text)
        self.statusLabel.setVisible(bool(text))

    # -- following dom0 ------------------------------------------------------------------------

    def _on_event(self, event: Event) -> None:
        name = event.name
        feature_event = name.startswith(("domain-feature-set:", "domain-feature-delete:"))
        template = self._info.template if self._info is not None else None
        if event.subject == self._qube:
            relevant = feature_event or name in _LIFECYCLE or name.startswith("property-set:")
        elif event.subject and event.subject == template:
            relevant = feature_event and name.endswith(SUPPORTED_FEATURE)
        else:
            relevant = name in _DOWNSTREAM_EVENTS
        if relevant and not self._busy:
            self._reload_timer.start()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.stop_following()
        super().closeEvent(event)


class _FailedWrite(Exception):
    """A feature write that failed, with the feature it was about."""

    def __init__(self, feature: str, cause: Exception) -> None:
        super().__init__(str(cause))
        self.feature = feature
        self.cause = cause


def _parsed(parse: Callable[[str], tuple[str, ...]], text: str) -> tuple[str, ...] | None:
    """The list as the model stores it (wg+ becomes wg*, repeats go), or None when invalid."""
    try:
        return parse(text)
    except SettingsError:
        return None


def _mono(text: str) -> str:
    font = QFontDatabase.systemFont(QFontDatabase.FixedFont)
    if not QFontInfo(font).fixedPitch():  # some platforms (offscreen) report a proportional one
        font = QFont("monospace")
        font.setStyleHint(QFont.TypeWriter)
    family = QFontInfo(font).family()
    return f'<span style="font-family: \'{html.escape(family)}\'">{html.escape(text)}</span>'


def _reason(error: Exception) -> str:
    message = error.message if isinstance(error, AdminError) else str(error)
    return message or type(error).__name__
