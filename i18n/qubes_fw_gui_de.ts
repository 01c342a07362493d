<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ConnectionTestBox</name>
    <message>
        <location filename="../qubes_fw_gui/widgets/connection_test.py" line="39"/>
        <source>Test a connection</source>
        <translation>Eine Verbindung prüfen</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/connection_test.py" line="44"/>
        <source>host or address, e.g. 10.1.2.3 or example.com</source>
        <translation>Host oder Adresse, z. B. 10.1.2.3 oder example.com</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/connection_test.py" line="48"/>
        <source>any</source>
        <translation>alle</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/connection_test.py" line="51"/>
        <source>port, e.g. 443 or https</source>
        <translation>Port, z. B. 443 oder https</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/connection_test.py" line="52"/>
        <source>&amp;Test</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/connection_test.py" line="97"/>
        <source>Type a host name or an address to test.</source>
        <translation>Einen Hostnamen oder eine Adresse zum Prüfen eingeben.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/connection_test.py" line="60"/>
        <source>&amp;To:</source>
        <translation>&amp;Nach:</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/connection_test.py" line="91"/>
        <source>test one port, not a range</source>
        <translation>einen Port prüfen, keinen Bereich</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/connection_test.py" line="112"/>
        <source>Dropped by qubesd&apos;s implicit policy: no rule matches.</source>
        <translation>Verworfen durch die implizite Richtlinie von qubesd: Keine Regel passt.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/connection_test.py" line="114"/>
        <source>Accepted by rule {number}.</source>
        <translation>Angenommen durch Regel {number}.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/connection_test.py" line="116"/>
        <source>Dropped by rule {number}.</source>
        <translation>Verworfen durch Regel {number}.</translation>
    </message>
</context>
<context>
    <name>Countdown</name>
    <message>
        <location filename="../qubes_fw_gui/widgets/countdown.py" line="36"/>
        <source>{days} d {h}:{m:02}:{s:02}</source>
        <translation>{days} T {h}:{m:02}:{s:02}</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/countdown.py" line="51"/>
        <source>tomorrow {time}</source>
        <translation>morgen {time}</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/countdown.py" line="59"/>
        <source>ended {time}</source>
        <translation>beendet {time}</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/countdown.py" line="60"/>
        <source>ends {time} (in {left})</source>
        <translation>endet {time} (in {left})</translation>
    </message>
</context>
<context>
    <name>EventFollower</name>
    <message>
        <location filename="../qubes_fw_gui/widgets/event_follower.py" line="103"/>
        <source>dom0 closed the event stream</source>
        <translation>dom0 hat den Ereignisstrom geschlossen</translation>
    </message>
</context>
<context>
    <name>FirewallTab</name>
    <message>
        <location filename="../ui/firewall_tab.ui" line="35"/>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <location filename="../ui/firewall_tab.ui" line="36"/>
        <source>Add a rule after the selected one (Insert)</source>
        <translation>Eine Regel nach der ausgewählten hinzufügen (Einfg)</translation>
    </message>
    <message>
        <location filename="../ui/firewall_tab.ui" line="41"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <location filename="../ui/firewall_tab.ui" line="42"/>
        <source>Edit the selected rule (Enter or double-click)</source>
        <translation>Die ausgewählte Regel bearbeiten (Eingabetaste oder Doppelklick)</translation>
    </message>
    <message>
        <location filename="../ui/firewall_tab.ui" line="47"/>
        <source>D&amp;uplicate</source>
        <translation>&amp;Duplizieren</translation>
    </message>
    <message>
        <location filename="../ui/firewall_tab.ui" line="52"/>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <location filename="../ui/firewall_tab.ui" line="53"/>
        <source>Delete the selected rules (Delete)</source>
        <translation>Die ausgewählten Regeln löschen (Entf)</translation>
    </message>
    <message>
        <location filename="../ui/firewall_tab.ui" line="58"/>
        <source>Move the selected rules up (Ctrl+Up)</source>
        <translation>Die ausgewählten Regeln nach oben schieben (Strg+Hoch)</translation>
    </message>
    <message>
        <location filename="../ui/firewall_tab.ui" line="59"/>
        <source>Up</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <location filename="../ui/firewall_tab.ui" line="64"/>
        <source>Move the selected rules down (Ctrl+Down)</source>
        <translation>Die ausgewählten Regeln nach unten schieben (Strg+Runter)</translation>
    </message>
    <message>
        <location filename="../ui/firewall_tab.ui" line="65"/>
        <source>Down</source>
        <translation>Runter</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="327"/>
        <source>Undo (Ctrl+Z)</source>
        <translation>Rückgängig (Strg+Z)</translation>
    </message>
    <message>
        <location filename="../ui/firewall_tab.ui" line="71"/>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="328"/>
        <source>Redo (Ctrl+Shift+Z)</source>
        <translation>Wiederholen (Strg+Umschalt+Z)</translation>
    </message>
    <message>
        <location filename="../ui/firewall_tab.ui" line="77"/>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <location filename="../ui/firewall_tab.ui" line="88"/>
        <source>Filter rules</source>
        <translation>Regeln filtern</translation>
    </message>
    <message>
        <location filename="../ui/firewall_tab.ui" line="94"/>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <location filename="../ui/firewall_tab.ui" line="95"/>
        <source>Replace the rules with a file of Admin API lines</source>
        <translation>Die Regeln durch eine Datei mit Admin-API-Zeilen ersetzen</translation>
    </message>
    <message>
        <location filename="../ui/firewall_tab.ui" line="100"/>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/firewall_tab.ui" line="101"/>
        <source>Save the rules as Admin API lines</source>
        <translation>Die Regeln als Admin-API-Zeilen speichern</translation>
    </message>
    <message>
        <location filename="../ui/firewall_tab.ui" line="115"/>
        <source>Anything else (the default action):</source>
        <translation>Alles andere (Standardaktion):</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="88"/>
        <source>drop</source>
        <translation>verwerfen</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="89"/>
        <source>accept</source>
        <translation>annehmen</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="90"/>
        <source>drop (implicit, qubesd&apos;s policy)</source>
        <translation>verwerfen (implizit, Richtlinie von qubesd)</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="134"/>
        <source>Loading the rules of {qube}…</source>
        <translation>Die Regeln von {qube} werden geladen…</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="167"/>
        <source>Saving…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="254"/>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="282"/>
        <source>Could not read the netvm&apos;s settings, so the warnings about enforcement may be missing: {error}</source>
        <translation>Die Einstellungen der Netz-VM waren nicht lesbar, daher fehlen eventuell Warnungen zur Durchsetzung: {error}</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="344"/>
        <source>Add rule</source>
        <translation>Regel hinzufügen</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="371"/>
        <source>Edit rule {number}</source>
        <translation>Regel {number} bearbeiten</translation>
    </message>
    <message numerus="yes">
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="379"/>
        <source>Delete %n rule(s)</source>
        <translation>
            <numerusform>%n Regel löschen</numerusform>
            <numerusform>%n Regeln löschen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="385"/>
        <source>Duplicate %n rule(s)</source>
        <translation>
            <numerusform>%n Regel duplizieren</numerusform>
            <numerusform>%n Regeln duplizieren</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="390"/>
        <source>Move rules up</source>
        <translation>Regeln nach oben schieben</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="390"/>
        <source>Move rules down</source>
        <translation>Regeln nach unten schieben</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="398"/>
        <source>Move rules</source>
        <translation>Regeln verschieben</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="410"/>
        <source>Change the default action</source>
        <translation>Standardaktion ändern</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="425"/>
        <source>Checking whether {netvm} supports L7 filtering…</source>
        <translation>Es wird geprüft, ob {netvm} L7-Filterung unterstützt…</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="427"/>
        <source>{netvm} supports L7 filtering.</source>
        <translation>{netvm} unterstützt L7-Filterung.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="428"/>
        <source>{netvm} does not advertise L7 support: it will DROP ALL traffic of this qube.</source>
        <translation>{netvm} meldet keine L7-Unterstützung: Sie wird JEGLICHEN Verkehr dieses Qubes VERWERFEN.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="436"/>
        <source>The rule dialog is not available: {error}</source>
        <translation>Der Regeldialog ist nicht verfügbar: {error}</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="495"/>
        <source>dom0 cannot store an empty rule list. To block everything, keep the default action &quot;drop&quot; as an explicit rule.</source>
        <translation>dom0 kann keine leere Regelliste speichern. Um alles zu sperren, die Standardaktion &quot;verwerfen&quot; als ausdrückliche Regel behalten.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="502"/>
        <source>Not saved: {count} rules make a request of {size} bytes, and dom0 refuses requests over {limit} bytes (64 KiB). Only the first {fits} of these rules fit in one save: remove or merge {extra} rules (for example by using networks instead of single addresses) and save again. Your edits are kept.</source>
        <translation>Nicht gespeichert: {count} Regeln ergeben eine Anfrage von {size} Bytes, und dom0 lehnt Anfragen über {limit} Bytes (64 KiB) ab. Nur die ersten {fits} dieser Regeln passen in eine Speicherung: {extra} Regeln entfernen oder zusammenfassen (zum Beispiel Netze statt einzelner Adressen verwenden) und erneut speichern. Ihre Änderungen bleiben erhalten.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="527"/>
        <source>Saved at {time}.</source>
        <translation>Gespeichert um {time}.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="539"/>
        <source> Your edits are kept.</source>
        <translation> Ihre Änderungen bleiben erhalten.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="542"/>
        <source>Not saved: the rules are larger than the 64 KiB dom0 accepts in one request; {fits} rules fit. Remove some rules and save again.</source>
        <translation>Nicht gespeichert: Die Regeln sind größer als die 64 KiB, die dom0 in einer Anfrage annimmt; {fits} Regeln passen. Einige Regeln entfernen und erneut speichern.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="549"/>
        <source>Permission denied: you may not change the firewall of {qube}. From a GUI domain, the qrexec policy must allow admin.vm.firewall.Set for this qube.</source>
        <translation>Zugriff verweigert: Sie dürfen die Firewall von {qube} nicht ändern. Aus einer GUI-Domäne muss die qrexec-Richtlinie admin.vm.firewall.Set für diesen Qube erlauben.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="554"/>
        <source>The qube {qube} does not exist (any more).</source>
        <translation>Den Qube {qube} gibt es nicht (mehr).</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="558"/>
        <source>dom0 refused the rules. Likely cause: the L7 protocol of rule(s) {numbers}. Stock qubesd does not know the spec&apos;s dpi option and refuses the whole list. Remove the L7 protocol from those rules and save again.</source>
        <translation>dom0 hat die Regeln abgelehnt. Wahrscheinliche Ursache: das L7-Protokoll der Regel(n) {numbers}. Das unveränderte qubesd kennt die dpi-Option der Spezifikation nicht und lehnt die ganze Liste ab. Das L7-Protokoll aus diesen Regeln entfernen und erneut speichern.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="563"/>
        <source>dom0 refused the rules without a reason (an invalid rule, or the request was denied by policy). See journalctl in dom0 for details.</source>
        <translation>dom0 hat die Regeln ohne Begründung abgelehnt (eine ungültige Regel, oder die Anfrage wurde durch eine Richtlinie verweigert). Einzelheiten zeigt journalctl in dom0.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="569"/>
        <source>Unexpected error: {error}</source>
        <translation>Unerwarteter Fehler: {error}</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="574"/>
        <source>Not saved yet: rule(s) {numbers} use an L7 protocol, and the FirewallVM {netvm} does not advertise supported-feature.qubes-firewall-dpi. It will DROP ALL traffic of {qube}. Remove the L7 protocol, or save anyway if you mean to cut this qube off.</source>
        <translation>Noch nicht gespeichert: Regel(n) {numbers} verwenden ein L7-Protokoll, und die FirewallVM {netvm} meldet supported-feature.qubes-firewall-dpi nicht. Sie wird JEGLICHEN Verkehr von {qube} VERWERFEN. Das L7-Protokoll entfernen oder trotzdem speichern, wenn dieser Qube abgeschnitten werden soll.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="579"/>
        <source>Save anyway</source>
        <translation>Trotzdem speichern</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="604"/>
        <source>The rules of {qube} were changed elsewhere since you opened them (for example with qvm-firewall). Not saved yet.</source>
        <translation>Die Regeln von {qube} wurden seit dem Öffnen anderswo geändert (zum Beispiel mit qvm-firewall). Noch nicht gespeichert.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="606"/>
        <source>Removed there: {line}</source>
        <translation>Dort entfernt: {line}</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="607"/>
        <source>Added there: {line}</source>
        <translation>Dort hinzugefügt: {line}</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="609"/>
        <source>… and more.</source>
        <translation>… und weitere.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="611"/>
        <source>Overwrite with my rules</source>
        <translation>Mit meinen Regeln überschreiben</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="770"/>
        <source>Reload (discard my edits)…</source>
        <translation>Neu laden (meine Änderungen verwerfen)…</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="619"/>
        <source>Reloading discards every edit you made since the rules were loaded.</source>
        <translation>Neu laden verwirft jede Änderung seit dem Laden der Regeln.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="622"/>
        <source>Discard my edits and reload</source>
        <translation>Meine Änderungen verwerfen und neu laden</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="623"/>
        <source>Keep editing</source>
        <translation>Weiter bearbeiten</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="678"/>
        <source>Allow full access</source>
        <translation>Vollen Zugriff erlauben</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="683"/>
        <source>Extend full access</source>
        <translation>Vollen Zugriff verlängern</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="688"/>
        <source>End full access</source>
        <translation>Vollen Zugriff beenden</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="763"/>
        <source>Reloaded: the rules were changed elsewhere.</source>
        <translation>Neu geladen: Die Regeln wurden anderswo geändert.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="765"/>
        <source>The rules of {qube} were changed elsewhere (for example with qvm-firewall) while you were editing. Saving will ask before overwriting them.</source>
        <translation>Die Regeln von {qube} wurden während Ihrer Bearbeitung anderswo geändert (zum Beispiel mit qvm-firewall). Beim Speichern wird vor dem Überschreiben nachgefragt.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="821"/>
        <source>{qube} has no netvm, so it has no network access at all: these rules have no effect until a netvm is set.</source>
        <translation>{qube} hat keine Netz-VM und damit gar keinen Netzzugang: Diese Regeln wirken erst, wenn eine Netz-VM gesetzt ist.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="826"/>
        <source>{qube} has direct network access (it provides network and has no netvm): its own firewall rules are never applied. Filter its traffic elsewhere.</source>
        <translation>{qube} hat direkten Netzzugang (stellt Netzwerk bereit und hat keine Netz-VM): Seine eigenen Firewall-Regeln werden nie angewendet. Seinen Verkehr anderswo filtern.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="831"/>
        <source>The netvm {netvm} does not support the qubes-firewall feature: these rules are NOT enforced. Use a netvm such as sys-firewall.</source>
        <translation>Die Netz-VM {netvm} unterstützt das Feature qubes-firewall nicht: Diese Regeln werden NICHT durchgesetzt. Eine Netz-VM wie sys-firewall verwenden.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="836"/>
        <source>The qubes-firewall service is turned off in the netvm {netvm} (feature service.qubes-firewall is empty): these rules are NOT enforced.</source>
        <translation>Der Dienst qubes-firewall ist in der Netz-VM {netvm} ausgeschaltet (Feature service.qubes-firewall ist leer): Diese Regeln werden NICHT durchgesetzt.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="841"/>
        <source>The netvm {netvm} is not running: the rules apply when it starts.</source>
        <translation>Die Netz-VM {netvm} läuft nicht: Die Regeln gelten, sobald sie startet.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="845"/>
        <source>Rule(s) {numbers} use an L7 protocol, but the FirewallVM {netvm} does not advertise supported-feature.qubes-firewall-dpi: it will DROP ALL traffic of {qube} once these rules are saved.</source>
        <translation>Regel(n) {numbers} verwenden ein L7-Protokoll, aber die FirewallVM {netvm} meldet supported-feature.qubes-firewall-dpi nicht: Sie wird JEGLICHEN Verkehr von {qube} VERWERFEN, sobald diese Regeln gespeichert sind.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="934"/>
        <source>Import rules</source>
        <translation>Regeln importieren</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="908"/>
        <source>Rule files (*.txt *.rules);;All files (*)</source>
        <translation>Regeldateien (*.txt *.rules);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="920"/>
        <source>Cannot read {path}: {error}</source>
        <translation>{path} ist nicht lesbar: {error}</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="925"/>
        <source>Nothing imported: {count} line(s) of {path} are not valid rules:
{errors}</source>
        <translation>Nichts importiert: {count} Zeile(n) von {path} sind keine gültigen Regeln:
{errors}</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="930"/>
        <source>Nothing imported: {path} holds no rules.</source>
        <translation>Nichts importiert: {path} enthält keine Regeln.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="943"/>
        <source>Export rules</source>
        <translation>Regeln exportieren</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="943"/>
        <source>Rule files (*.rules *.txt)</source>
        <translation>Regeldateien (*.rules *.txt)</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="954"/>
        <source>Cannot write {path}: {error}</source>
        <translation>{path} ist nicht schreibbar: {error}</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="956"/>
        <source>Exported {count} rules.</source>
        <translation>{count} Regeln exportiert.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="271"/>
        <source>This qube has direct network access: its firewall rules, and so a full-access window, are never applied.</source>
        <translation>Dieser Qube hat direkten Netzzugang: Seine Firewall-Regeln und damit ein Zeitfenster mit vollem Zugriff werden nie angewendet.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="274"/>
        <source>This qube has no netvm, so it has no network at all: a full-access window has no effect.</source>
        <translation>Dieser Qube hat keine Netz-VM und damit gar kein Netzwerk: Ein Zeitfenster mit vollem Zugriff hat keine Wirkung.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="277"/>
        <source>The qubes-firewall service is turned off in the netvm {netvm}, so a full-access window has no effect.</source>
        <translation>Der Dienst qubes-firewall ist in der Netz-VM {netvm} ausgeschaltet, daher hat ein Zeitfenster mit vollem Zugriff keine Wirkung.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="327"/>
        <source>Undo: {what} (Ctrl+Z)</source>
        <translation>Rückgängig: {what} (Strg+Z)</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="328"/>
        <source>Redo: {what} (Ctrl+Shift+Z)</source>
        <translation>Wiederholen: {what} (Strg+Umschalt+Z)</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="366"/>
        <source>The rule you edited was changed elsewhere meanwhile; your version was added as a new rule.</source>
        <translation>Die bearbeitete Regel wurde inzwischen anderswo geändert; Ihre Fassung wurde als neue Regel hinzugefügt.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="547"/>
        <source>dom0 cannot be reached. {message}</source>
        <translation>dom0 ist nicht erreichbar. {message}</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="651"/>
        <source>Saving the full-access window (your other changes stay unsaved)…</source>
        <translation>Das Zeitfenster mit vollem Zugriff wird gespeichert (Ihre anderen Änderungen bleiben ungespeichert)…</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="667"/>
        <source>Saved the full-access window at {time}; your other changes are not saved yet.</source>
        <translation>Zeitfenster mit vollem Zugriff um {time} gespeichert; Ihre anderen Änderungen sind noch nicht gespeichert.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="709"/>
        <source>Lost contact with dom0 ({why}): changes made elsewhere do not show until it is back. Trying again…</source>
        <translation>Verbindung zu dom0 verloren ({why}): Änderungen von anderswo erscheinen erst wieder, wenn sie zurück ist. Neuer Versuch…</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="253"/>
        <source>The rules could not be read (see above)</source>
        <translation>Die Regeln waren nicht lesbar (siehe oben)</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="936"/>
        <source>Imported {count} rules in place of {replaced}; not saved yet (Ctrl+Z undoes it).</source>
        <translation>{count} Regeln anstelle von {replaced} importiert; noch nicht gespeichert (Strg+Z macht es rückgängig).</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/firewall_tab.py" line="133"/>
        <source>Reading the rules…</source>
        <translation>Regeln werden gelesen…</translation>
    </message>
</context>
<context>
    <name>FullAccessBox</name>
    <message>
        <location filename="../ui/full_access_box.ui" line="15"/>
        <source>Temporary full access</source>
        <translation>Vorübergehend voller Zugriff</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/full_access_box.py" line="191"/>
        <source>Allow full access for</source>
        <translation>Vollen Zugriff erlauben für</translation>
    </message>
    <message>
        <location filename="../ui/full_access_box.ui" line="27"/>
        <source>How long the qube may reach any address</source>
        <translation>Wie lange der Qube jede Adresse erreichen darf</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/full_access_box.py" line="67"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/full_access_box.py" line="194"/>
        <source>until a time of day</source>
        <translation>bis zu einer Uhrzeit</translation>
    </message>
    <message>
        <location filename="../ui/full_access_box.ui" line="71"/>
        <source>A time earlier than now means tomorrow</source>
        <translation>Eine Uhrzeit vor jetzt bedeutet morgen</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/full_access_box.py" line="165"/>
        <source>Full access is off.</source>
        <translation>Voller Zugriff ist aus.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/full_access_box.py" line="106"/>
        <source>The netvm of this qube does not enforce the firewall, so a full-access window has no effect.</source>
        <translation>Die Netz-VM dieses Qubes setzt die Firewall nicht durch, daher hat ein Zeitfenster mit vollem Zugriff keine Wirkung.</translation>
    </message>
    <message>
        <location filename="../ui/full_access_box.ui" line="111"/>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <location filename="../ui/full_access_box.ui" line="112"/>
        <source>Add a rule that accepts everything, first in the list, until the end time; saved at once</source>
        <translation>Eine Regel, die alles erlaubt, an erster Stelle bis zur Endzeit hinzufügen; wird sofort gespeichert</translation>
    </message>
    <message>
        <location filename="../ui/full_access_box.ui" line="117"/>
        <source>E&amp;xtend</source>
        <translation>&amp;Verlängern</translation>
    </message>
    <message>
        <location filename="../ui/full_access_box.ui" line="123"/>
        <source>Remove the full-access rule and save at once</source>
        <translation>Die Regel für vollen Zugriff entfernen und sofort speichern</translation>
    </message>
    <message>
        <location filename="../ui/full_access_box.ui" line="142"/>
        <source>At the end time dom0 removes the rule, and the FirewallVM then cuts the connections the remaining rules do not allow (Qubes 4.2 and later).</source>
        <translation>Zur Endzeit entfernt dom0 die Regel, und die FirewallVM trennt dann die Verbindungen, die die übrigen Regeln nicht erlauben (ab Qubes 4.2).</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/full_access_box.py" line="65"/>
        <source>Full access for {n} minutes</source>
        <translation>Voller Zugriff für {n} Minuten</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/full_access_box.py" line="168"/>
        <source>&lt;b&gt;Full access is on&lt;/b&gt;: {ends}.</source>
        <translation>&lt;b&gt;Voller Zugriff ist an&lt;/b&gt;: {ends}.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/full_access_box.py" line="186"/>
        <source>tomorrow</source>
        <translation>morgen</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/full_access_box.py" line="186"/>
        <source>today</source>
        <translation>heute</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/full_access_box.py" line="191"/>
        <source>Extend by</source>
        <translation>Verlängern um</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/full_access_box.py" line="202"/>
        <source>The window already lasts until {time}.</source>
        <translation>Das Zeitfenster dauert bereits bis {time}.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/full_access_box.py" line="206"/>
        <source>Saving…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/full_access_box.py" line="214"/>
        <source>This full-access rule is rule {n} in the list, not the first: the drop rules above it (rule {rules}) still block what they match.</source>
        <translation>Diese Regel für vollen Zugriff ist Regel {n} der Liste, nicht die erste: Die Sperrregeln darüber (Regel {rules}) blockieren weiterhin, was sie erfassen.</translation>
    </message>
    <message>
        <location filename="../ui/full_access_box.ui" line="122"/>
        <source>E&amp;nd now</source>
        <translation>Jetzt be&amp;enden</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/full_access_box.py" line="171"/>
        <source>{left} left</source>
        <translation>noch {left}</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/full_access_box.py" line="223"/>
        <source>The first rule of this qube already accepts every connection: a full-access window changes nothing.</source>
        <translation>Die erste Regel dieses Qubes nimmt bereits jede Verbindung an: Ein Zeitfenster mit vollem Zugriff ändert nichts.</translation>
    </message>
</context>
<context>
    <name>FullAccessWindow</name>
    <message>
        <location filename="../ui/full_access_window.ui" line="8"/>
        <source>Full access</source>
        <translation>Voller Zugriff</translation>
    </message>
    <message>
        <location filename="../ui/full_access_window.ui" line="64"/>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <location filename="../ui/full_access_window.ui" line="65"/>
        <source>Close this window; a running full-access window keeps running until its end time</source>
        <translation>Dieses Fenster schließen; ein laufendes Zeitfenster mit vollem Zugriff läuft bis zu seiner Endzeit weiter</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/full_access_window.py" line="224"/>
        <source>Full access: {qube}</source>
        <translation>Voller Zugriff: {qube}</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/full_access_window.py" line="108"/>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/full_access_window.py" line="154"/>
        <source>netvm: {netvm}</source>
        <translation>Netz-VM: {netvm}</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/full_access_window.py" line="154"/>
        <source>no netvm</source>
        <translation>keine Netz-VM</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/full_access_window.py" line="168"/>
        <source>Could not read the rules of {qube}: {why}</source>
        <translation>Die Regeln von {qube} waren nicht lesbar: {why}</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/full_access_window.py" line="198"/>
        <source>Could not save the rules of {qube}; nothing was changed: {why}</source>
        <translation>Die Regeln von {qube} konnten nicht gespeichert werden; nichts wurde geändert: {why}</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/full_access_window.py" line="233"/>
        <source>Not following changes made elsewhere ({why}).</source>
        <translation>Änderungen von anderswo werden nicht verfolgt ({why}).</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/full_access_window.py" line="47"/>
        <source>This qube has direct network access; firewall rules, and so a full-access window, are not used for it.</source>
        <translation>Dieser Qube hat direkten Netzzugang; Firewall-Regeln und damit ein Zeitfenster mit vollem Zugriff werden für ihn nicht verwendet.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/full_access_window.py" line="50"/>
        <source>This qube has no netvm, so it has no network at all: a full-access window has no effect.</source>
        <translation>Dieser Qube hat keine Netz-VM und damit gar kein Netzwerk: Ein Zeitfenster mit vollem Zugriff hat keine Wirkung.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/full_access_window.py" line="54"/>
        <source>The netvm {netvm} does not support &apos;qubes-firewall&apos;: it does not enforce the rules, so a full-access window has no effect.</source>
        <translation>Die Netz-VM {netvm} unterstützt 'qubes-firewall' nicht: Sie setzt die Regeln nicht durch, daher hat ein Zeitfenster mit vollem Zugriff keine Wirkung.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/full_access_window.py" line="58"/>
        <source>The qubes-firewall service is turned off in the netvm {netvm}: it does not enforce the rules, so a full-access window has no effect.</source>
        <translation>Der Dienst qubes-firewall ist in der Netz-VM {netvm} ausgeschaltet: Sie setzt die Regeln nicht durch, daher hat ein Zeitfenster mit vollem Zugriff keine Wirkung.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/full_access_window.py" line="222"/>
        <source>Full access: {qube}, {summary}</source>
        <translation>Voller Zugriff: {qube}, {summary}</translation>
    </message>
</context>
<context>
    <name>InlineBar</name>
    <message>
        <location filename="../qubes_fw_gui/widgets/banners.py" line="51"/>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
</context>
<context>
    <name>LeakProtectionPanel</name>
    <message>
        <location filename="../ui/leak_panel.ui" line="36"/>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <location filename="../ui/leak_panel.ui" line="43"/>
        <source>Protect downstream qubes from leaks (qubes-fw-leakguard service)</source>
        <translation>Nachgelagerte Qubes vor Lecks schützen (Dienst qubes-fw-leakguard)</translation>
    </message>
    <message>
        <location filename="../ui/leak_panel.ui" line="50"/>
        <source>What the ProxyVM enforces for its downstream qubes</source>
        <translation>Was die ProxyVM für ihre nachgelagerten Qubes durchsetzt</translation>
    </message>
    <message>
        <location filename="../ui/leak_panel.ui" line="59"/>
        <source>Tunnel &amp;interfaces:</source>
        <translation>Tunnel-&amp;Schnittstellen:</translation>
    </message>
    <message>
        <location filename="../ui/leak_panel.ui" line="116"/>
        <source>DNS from downstream qubes only through the tunnel</source>
        <translation>DNS nachgelagerter Qubes nur durch den Tunnel</translation>
    </message>
    <message>
        <location filename="../ui/leak_panel.ui" line="123"/>
        <source>Only to these &amp;resolvers:</source>
        <translation>Nur zu diesen &amp;DNS-Servern:</translation>
    </message>
    <message>
        <location filename="../ui/leak_panel.ui" line="133"/>
        <source>optional, e.g. 10.8.0.1</source>
        <translation>optional, z. B. 10.8.0.1</translation>
    </message>
    <message>
        <location filename="../ui/leak_panel.ui" line="136"/>
        <source>IP addresses of the DNS servers reachable through the tunnel, separated by spaces. Leave empty to allow any resolver, as long as the query goes through the tunnel.</source>
        <translation>IP-Adressen der durch den Tunnel erreichbaren DNS-Server, durch Leerzeichen getrennt. Leer lassen, um jeden DNS-Server zu erlauben, solange die Anfrage durch den Tunnel geht.</translation>
    </message>
    <message>
        <location filename="../ui/leak_panel.ui" line="150"/>
        <source>Block all IPv6 from downstream qubes</source>
        <translation>Jegliches IPv6 nachgelagerter Qubes sperren</translation>
    </message>
    <message>
        <location filename="../ui/leak_panel.ui" line="157"/>
        <source>Log dropped packets (in the ProxyVM&apos;s journal)</source>
        <translation>Verworfene Pakete protokollieren (im Journal der ProxyVM)</translation>
    </message>
    <message>
        <location filename="../ui/leak_panel.ui" line="167"/>
        <source>Downstream qubes</source>
        <translation>Nachgelagerte Qubes</translation>
    </message>
    <message>
        <location filename="../ui/leak_panel.ui" line="198"/>
        <source>Qube</source>
        <translation>Qube</translation>
    </message>
    <message>
        <location filename="../ui/leak_panel.ui" line="203"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../ui/leak_panel.ui" line="208"/>
        <source>Firewall</source>
        <translation>Firewall</translation>
    </message>
    <message>
        <location filename="../ui/leak_panel.ui" line="72"/>
        <source>The VPN&apos;s interfaces inside the ProxyVM, separated by spaces (tun0 for OpenVPN, wg0 for WireGuard). A name ending in * stands for every name with that start (wg*). Both options below use this list as &quot;the tunnel&quot;.</source>
        <translation>Die Schnittstellen des VPN in der ProxyVM, durch Leerzeichen getrennt (tun0 für OpenVPN, wg0 für WireGuard). Ein Name mit * am Ende steht für jeden Namen mit diesem Anfang (wg*). Beide Optionen unten verwenden diese Liste als &quot;den Tunnel&quot;.</translation>
    </message>
    <message>
        <location filename="../ui/leak_panel.ui" line="86"/>
        <source>Downstream traffic may leave only through these tunnel interfaces</source>
        <translation>Verkehr nachgelagerter Qubes darf nur über diese Tunnel-Schnittstellen hinaus</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/leak_panel.py" line="139"/>
        <source>Downstream qubes (net qube: {qube})</source>
        <translation>Nachgelagerte Qubes (Netz-Qube: {qube})</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/leak_panel.py" line="140"/>
        <source>Reading the settings of {qube}…</source>
        <translation>Die Einstellungen von {qube} werden gelesen…</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/leak_panel.py" line="195"/>
        <source>Fix the marked field first: nothing was saved.</source>
        <translation>Zuerst das markierte Feld berichtigen: Nichts wurde gespeichert.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/leak_panel.py" line="207"/>
        <source>Saving…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/leak_panel.py" line="248"/>
        <source>cannot read: {reason}</source>
        <translation>nicht lesbar: {reason}</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/leak_panel.py" line="268"/>
        <source>The leak-protection settings of {qube} were changed elsewhere. Your edits are kept; saving replaces those settings with yours.</source>
        <translation>Die Leck-Schutz-Einstellungen von {qube} wurden anderswo geändert. Ihre Änderungen bleiben erhalten; Speichern ersetzt jene Einstellungen durch Ihre.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/leak_panel.py" line="281"/>
        <source>Could not read the settings of {qube}: {reason}</source>
        <translation>Die Einstellungen von {qube} waren nicht lesbar: {reason}</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/leak_panel.py" line="295"/>
        <source>A leak-protection feature of {qube} is malformed ({key}: {problem}); the guard in the ProxyVM blocks all downstream traffic until it is fixed. The defaults are shown: Save writes them.</source>
        <translation>Ein Leck-Schutz-Feature von {qube} ist fehlerhaft ({key}: {problem}); der Wächter in der ProxyVM sperrt jeglichen nachgelagerten Verkehr, bis es berichtigt ist. Angezeigt werden die Standardwerte: Speichern schreibt sie.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/leak_panel.py" line="395"/>
        <source>No tunnel interface listed: all downstream traffic will be blocked.</source>
        <translation>Keine Tunnel-Schnittstelle angegeben: Jeglicher nachgelagerte Verkehr wird gesperrt.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/leak_panel.py" line="397"/>
        <source>No tunnel interface listed: all DNS from downstream qubes will be blocked.</source>
        <translation>Keine Tunnel-Schnittstelle angegeben: Jegliches DNS nachgelagerter Qubes wird gesperrt.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/leak_panel.py" line="410"/>
        <source>{problem} (not saved while unused)</source>
        <translation>{problem} (nicht gespeichert, solange unbenutzt)</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/leak_panel.py" line="467"/>
        <source>dom0 denied permission to change {feature}</source>
        <translation>dom0 hat das Ändern von {feature} verweigert</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/leak_panel.py" line="469"/>
        <source>{feature}: {reason}</source>
        <translation>{feature}: {reason}</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/leak_panel.py" line="470"/>
        <source>Not saved: {reason}. Your settings are still here; Save tries again.</source>
        <translation>Nicht gespeichert: {reason}. Ihre Einstellungen sind noch da; Speichern versucht es erneut.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/leak_panel.py" line="477"/>
        <source>Saved: leak protection is off for {qube}.</source>
        <translation>Gespeichert: Leck-Schutz ist für {qube} aus.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/leak_panel.py" line="479"/>
        <source>Saved: {qube} is running, its guard applies the settings now.</source>
        <translation>Gespeichert: {qube} läuft, sein Wächter wendet die Einstellungen jetzt an.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/leak_panel.py" line="482"/>
        <source>Saved: the settings apply when {qube} starts.</source>
        <translation>Gespeichert: Die Einstellungen gelten, sobald {qube} startet.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/leak_panel.py" line="492"/>
        <source>in its template &lt;b&gt;{template}&lt;/b&gt; (then shut the template down)</source>
        <translation>in seinem Template &lt;b&gt;{template}&lt;/b&gt; (danach das Template herunterfahren)</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/leak_panel.py" line="496"/>
        <source>in {qube} itself</source>
        <translation>in {qube} selbst</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/leak_panel.py" line="497"/>
        <source>&lt;b&gt;These settings will not be enforced.&lt;/b&gt; {qube} does not advertise the qubes-fw-leakguard service ({feature}). Install the qubes-fw-leakguard package {where}, then restart {qube}. Copy the RPM in with qvm-copy; in a Fedora template: {dnf}&lt;br&gt;Debian templates: there is no package for them yet.</source>
        <translation>&lt;b&gt;Diese Einstellungen werden nicht durchgesetzt.&lt;/b&gt; {qube} meldet den Dienst qubes-fw-leakguard nicht ({feature}). Das Paket qubes-fw-leakguard {where} installieren, dann {qube} neu starten. Das RPM mit qvm-copy hineinkopieren; in einem Fedora-Template: {dnf}&lt;br&gt;Debian-Templates: Für sie gibt es noch kein Paket.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/leak_panel.py" line="513"/>
        <source>{qube} does not provide network: no qube can use it as its net qube, so there is nothing downstream to protect.</source>
        <translation>{qube} stellt kein Netzwerk bereit: Kein Qube kann ihn als Netz-Qube verwenden, daher gibt es nachgelagert nichts zu schützen.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/leak_panel.py" line="518"/>
        <source>{qube} is not running: the settings apply when it starts.</source>
        <translation>{qube} läuft nicht: Die Einstellungen gelten, sobald er startet.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/leak_panel.py" line="520"/>
        <source>{qube} is running, and its template {template} provides the qubes-fw-leakguard service: saved settings apply at once.</source>
        <translation>{qube} läuft, und sein Template {template} stellt den Dienst qubes-fw-leakguard bereit: Gespeicherte Einstellungen gelten sofort.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/leak_panel.py" line="525"/>
        <source>{qube} is running and provides the qubes-fw-leakguard service: saved settings apply at once.</source>
        <translation>{qube} läuft und stellt den Dienst qubes-fw-leakguard bereit: Gespeicherte Einstellungen gelten sofort.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/leak_panel.py" line="527"/>
        <source>{qube} is running.</source>
        <translation>{qube} läuft.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/leak_panel.py" line="533"/>
        <source>These qubes use {qube} as their net qube. The guard checks their traffic before their own firewall rules do; a drop by either is final.</source>
        <translation>Diese Qubes verwenden {qube} als Netz-Qube. Der Wächter prüft ihren Verkehr vor ihren eigenen Firewall-Regeln; ein Verwerfen durch einen von beiden ist endgültig.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/leak_panel.py" line="540"/>
        <source>No qube uses {qube} as its net qube yet.</source>
        <translation>Noch verwendet kein Qube {qube} als Netz-Qube.</translation>
    </message>
    <message>
        <location filename="../ui/leak_panel.ui" line="109"/>
        <source>This is also the kill switch: while the tunnel is down, nothing leaves.</source>
        <translation>Das ist zugleich der Kill-Switch: Solange der Tunnel unten ist, geht nichts hinaus.</translation>
    </message>
</context>
<context>
    <name>LeakProtectionWindow</name>
    <message>
        <location filename="../qubes_fw_gui/widgets/leak_window.py" line="23"/>
        <source>Leak protection: {qube}</source>
        <translation>Leck-Schutz: {qube}</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/leak_window.py" line="62"/>
        <source>Leak protection: {qube} (sandbox dom0, demo qubes)</source>
        <translation>Leck-Schutz: {qube} (Sandbox-dom0, Demo-Qubes)</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/leak_window.py" line="74"/>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/leak_window.py" line="79"/>
        <source>You have unsaved changes: Save them, or close again to discard them.</source>
        <translation>Es gibt ungespeicherte Änderungen: Speichern, oder erneut schließen, um sie zu verwerfen.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/leak_window.py" line="84"/>
        <source>&amp;Discard changes</source>
        <translation>Änderungen &amp;verwerfen</translation>
    </message>
</context>
<context>
    <name>PowerState</name>
    <message>
        <location filename="../qubes_fw_gui/widgets/power_state.py" line="12"/>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/power_state.py" line="13"/>
        <source>Halted</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/power_state.py" line="14"/>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/power_state.py" line="15"/>
        <source>Starting</source>
        <translation>Startet</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/power_state.py" line="17"/>
        <source>Shutting down</source>
        <translation>Fährt herunter</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/power_state.py" line="18"/>
        <source>Crashed</source>
        <translation>Abgestürzt</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/power_state.py" line="19"/>
        <source>Suspended</source>
        <translation>Ruhezustand</translation>
    </message>
</context>
<context>
    <name>QubeChooser</name>
    <message>
        <location filename="../ui/chooser.ui" line="8"/>
        <source>Qubes firewall</source>
        <translation>Qubes-Firewall</translation>
    </message>
    <message>
        <location filename="../ui/chooser.ui" line="21"/>
        <source>Choose a qube to edit its firewall rules (double-click or Enter).</source>
        <translation>Einen Qube wählen, um seine Firewall-Regeln zu bearbeiten (Doppelklick oder Eingabetaste).</translation>
    </message>
    <message>
        <location filename="../ui/chooser.ui" line="32"/>
        <source>Filter qubes</source>
        <translation>Qubes filtern</translation>
    </message>
    <message>
        <location filename="../ui/chooser.ui" line="65"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <location filename="../ui/chooser.ui" line="70"/>
        <source>&amp;Open firewall…</source>
        <translation>Firewall ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/chooser.py" line="163"/>
        <source>Reading the qubes…</source>
        <translation>Die Qubes werden gelesen…</translation>
    </message>
    <message numerus="yes">
        <location filename="../qubes_fw_gui/widgets/chooser.py" line="202"/>
        <source>%n qube(s)</source>
        <translation>
            <numerusform>%n Qube</numerusform>
            <numerusform>%n Qubes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/chooser.py" line="181"/>
        <source>Cannot list the qubes: {error}</source>
        <translation>Die Qubes können nicht aufgelistet werden: {error}</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/chooser.py" line="156"/>
        <source>Choose a qube (sandbox dom0, demo qubes)</source>
        <translation>Einen Qube wählen (Sandbox-dom0, Demo-Qubes)</translation>
    </message>
    <message numerus="yes">
        <location filename="../qubes_fw_gui/widgets/chooser.py" line="204"/>
        <source>%n of {total} qubes shown</source>
        <translation>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QubeFirewallDialog</name>
    <message>
        <location filename="../ui/qube_dialog.ui" line="8"/>
        <source>Firewall</source>
        <translation>Firewall</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/qube_dialog.py" line="38"/>
        <source>Firewall rules</source>
        <translation>Firewall-Regeln</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/qube_dialog.py" line="43"/>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/qube_dialog.py" line="44"/>
        <source>Read the rules from dom0 again</source>
        <translation>Die Regeln erneut aus dom0 lesen</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/qube_dialog.py" line="53"/>
        <source>Firewall: {qube}</source>
        <translation>Firewall: {qube}</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/qube_dialog.py" line="93"/>
        <source>Firewall: {qube} (sandbox dom0, demo qubes)</source>
        <translation>Firewall: {qube} (Sandbox-dom0, Demo-Qubes)</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/qube_dialog.py" line="101"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/qube_dialog.py" line="102"/>
        <source>{klass}, {state}, netvm: {netvm}</source>
        <translation>{klass}, {state}, Netz-VM: {netvm}</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/qube_dialog.py" line="114"/>
        <source>Label colour of {qube}</source>
        <translation>Etikettfarbe von {qube}</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/qube_dialog.py" line="123"/>
        <source>Leak protection</source>
        <translation>Leck-Schutz</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/qube_dialog.py" line="185"/>
        <source>You have unsaved changes: press Cancel again to discard them.</source>
        <translation>Es gibt ungespeicherte Änderungen: Erneut Abbrechen drücken, um sie zu verwerfen.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/qube_dialog.py" line="192"/>
        <source>Reloading discards your unsaved changes: press Reload again to do it.</source>
        <translation>Neu laden verwirft Ihre ungespeicherten Änderungen: Erneut Neu laden drücken, um es zu tun.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/qube_dialog.py" line="229"/>
        <source>Fix the marked field on the Leak protection tab first.</source>
        <translation>Zuerst das markierte Feld im Reiter Leck-Schutz berichtigen.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/qube_dialog.py" line="230"/>
        <source>Save the changes ({keys})</source>
        <translation>Die Änderungen speichern ({keys})</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/qube_dialog.py" line="230"/>
        <source>Save the changes and close ({keys})</source>
        <translation>Die Änderungen speichern und schließen ({keys})</translation>
    </message>
</context>
<context>
    <name>QubeListModel</name>
    <message>
        <location filename="../qubes_fw_gui/widgets/chooser.py" line="52"/>
        <source>Qube</source>
        <translation>Qube</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/chooser.py" line="52"/>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/chooser.py" line="52"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/chooser.py" line="52"/>
        <source>Netvm</source>
        <translation>Netz-VM</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/chooser.py" line="52"/>
        <source>Firewall</source>
        <translation>Firewall</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/chooser.py" line="60"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/chooser.py" line="70"/>
        <source>label: {label}</source>
        <translation>Etikett: {label}</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/chooser.py" line="78"/>
        <source>cannot read: {error}</source>
        <translation>nicht lesbar: {error}</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/chooser.py" line="80"/>
        <source>no network</source>
        <translation>kein Netzwerk</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/chooser.py" line="82"/>
        <source>direct network access: rules not applied</source>
        <translation>direkter Netzzugang: Regeln nicht angewendet</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/chooser.py" line="84"/>
        <source>netvm does not enforce</source>
        <translation>Netz-VM setzt nicht durch</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/chooser.py" line="86"/>
        <source>accept all</source>
        <translation>alles annehmen</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/chooser.py" line="87"/>
        <source>default accept</source>
        <translation>Standard: annehmen</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/chooser.py" line="87"/>
        <source>default drop</source>
        <translation>Standard: verwerfen</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/chooser.py" line="89"/>
        <source>1 rule, {default}</source>
        <translation>1 Regel, {default}</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/chooser.py" line="90"/>
        <source>{count} rules, {default}</source>
        <translation>{count} Regeln, {default}</translation>
    </message>
</context>
<context>
    <name>RuleDialog</name>
    <message>
        <location filename="../ui/rule_dialog.ui" line="12"/>
        <source>Firewall rule</source>
        <translation>Firewall-Regel</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="21"/>
        <source>Action:</source>
        <translation>Aktion:</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="29"/>
        <source>&amp;Accept (allow)</source>
        <translation>&amp;Annehmen (erlauben)</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="35"/>
        <source>&amp;Drop (block)</source>
        <translation>&amp;Verwerfen (sperren)</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="51"/>
        <source>&amp;Target:</source>
        <translation>&amp;Ziel:</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="59"/>
        <source>Which destinations this rule matches</source>
        <translation>Auf welche Ziele diese Regel passt</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="60"/>
        <source>Any destination</source>
        <translation>Jedes Ziel</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="61"/>
        <source>DNS servers</source>
        <translation>DNS-Server</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="67"/>
        <source>Address, network or host name</source>
        <translation>Adresse, Netz oder Hostname</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="68"/>
        <source>An IPv4 or IPv6 address, a network such as 192.168.1.0/24 or 2001:db8::/32, or a host name such as example.com</source>
        <translation>Eine IPv4- oder IPv6-Adresse, ein Netz wie 192.168.1.0/24 oder 2001:db8::/32 oder ein Hostname wie example.com</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="78"/>
        <source>Protocol:</source>
        <translation>Protokoll:</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="86"/>
        <source>An&amp;y</source>
        <translation>&amp;Alle</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="92"/>
        <source>T&amp;CP</source>
        <translation>T&amp;CP</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="97"/>
        <source>&amp;UDP</source>
        <translation>&amp;UDP</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="102"/>
        <source>&amp;ICMP</source>
        <translation>&amp;ICMP</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="118"/>
        <source>&amp;Port or range:</source>
        <translation>&amp;Port oder Bereich:</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="127"/>
        <source>A service name (https), a port (443) or a range (8000-8080); empty means any port</source>
        <translation>Ein Dienstname (https), ein Port (443) oder ein Bereich (8000-8080); leer bedeutet jeder Port</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="135"/>
        <source>IC&amp;MP type:</source>
        <translation>IC&amp;MP-Typ:</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="144"/>
        <source>A type name (echo-request) or number (0-255); empty means any ICMP type</source>
        <translation>Ein Typname (echo-request) oder eine Zahl (0-255); leer bedeutet jeder ICMP-Typ</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="152"/>
        <source>&amp;L7 protocol:</source>
        <translation>&amp;L7-Protokoll:</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="160"/>
        <source>Match only traffic of this application protocol (deep packet inspection in the FirewallVM)</source>
        <translation>Nur Verkehr dieses Anwendungsprotokolls erfassen (Deep Packet Inspection in der FirewallVM)</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="184"/>
        <source>&amp;Expires:</source>
        <translation>Läuft &amp;ab:</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="192"/>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="193"/>
        <source>In</source>
        <translation>In</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="194"/>
        <source>At</source>
        <translation>Am</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="199"/>
        <source>Minutes until the rule expires</source>
        <translation>Minuten, bis die Regel abläuft</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="200"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="208"/>
        <source>Date and time the rule expires</source>
        <translation>Datum und Uhrzeit, zu der die Regel abläuft</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="209"/>
        <source>yyyy-MM-dd HH:mm:ss</source>
        <translation>dd.MM.yyyy HH:mm:ss</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="229"/>
        <source>C&amp;omment:</source>
        <translation>K&amp;ommentar:</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="235"/>
        <source>optional: why this rule exists</source>
        <translation>optional: warum es diese Regel gibt</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="236"/>
        <source>Letters, digits, spaces and : ; , . / - _ [ ] only; at most 512 characters</source>
        <translation>Nur Buchstaben, Ziffern, Leerzeichen und : ; , . / - _ [ ]; höchstens 512 Zeichen</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="246"/>
        <source>Quick presets</source>
        <translation>Schnellvorlagen</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="250"/>
        <source>Allow DNS</source>
        <translation>DNS erlauben</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="252"/>
        <source>Accept connections to the DNS servers of the netvm</source>
        <translation>Verbindungen zu den DNS-Servern der Netz-VM annehmen</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="257"/>
        <source>Allow ICMP</source>
        <translation>ICMP erlauben</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="259"/>
        <source>Accept ICMP (ping and error reports) to any destination</source>
        <translation>ICMP (Ping und Fehlermeldungen) zu jedem Ziel annehmen</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="264"/>
        <source>Block everything else</source>
        <translation>Alles andere sperren</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="266"/>
        <source>Drop every connection no earlier rule accepted</source>
        <translation>Jede Verbindung verwerfen, die keine frühere Regel angenommen hat</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="277"/>
        <source>The rule as the Admin API will carry it</source>
        <translation>Die Regel, wie die Admin-API sie überträgt</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/rule_dialog.py" line="73"/>
        <source>Edit firewall rule</source>
        <translation>Firewall-Regel bearbeiten</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/rule_dialog.py" line="73"/>
        <source>Add firewall rule</source>
        <translation>Firewall-Regel hinzufügen</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/rule_dialog.py" line="134"/>
        <source>None (filter packets only)</source>
        <translation>Keins (nur Paketfilter)</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/rule_dialog.py" line="185"/>
        <source>any</source>
        <translation>alle</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/rule_dialog.py" line="264"/>
        <source>192.168.1.0/24, 2001:db8::/32 or example.com</source>
        <translation>192.168.1.0/24, 2001:db8::/32 oder example.com</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/rule_dialog.py" line="281"/>
        <source>any port</source>
        <translation>jeder Port</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/rule_dialog.py" line="283"/>
        <source>any ICMP type</source>
        <translation>jeder ICMP-Typ</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/rule_dialog.py" line="352"/>
        <source>Admin API: {line}</source>
        <translation>Admin-API: {line}</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/rule_dialog.py" line="355"/>
        <source>OK is available once the problems marked in red are fixed.</source>
        <translation>OK ist verfügbar, sobald die rot markierten Probleme behoben sind.</translation>
    </message>
</context>
<context>
    <name>RuleModel</name>
    <message>
        <location filename="../qubes_fw_gui/check_rules.py" line="29"/>
        <source>a blank line is not a rule (qubesd refuses the whole list)</source>
        <translation>eine Leerzeile ist keine Regel (qubesd lehnt die ganze Liste ab)</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/check_rules.py" line="45"/>
        <source>line {number}: {field}: {message}</source>
        <translation>Zeile {number}: {field}: {message}</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/checks.py" line="49"/>
        <source>port 0 is reserved: no real connection uses it</source>
        <translation>Port 0 ist reserviert: Keine echte Verbindung verwendet ihn</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/checks.py" line="67"/>
        <source>this rule has already expired: dom0 removes it when the rules are saved</source>
        <translation>diese Regel ist bereits abgelaufen: dom0 entfernt sie beim Speichern der Regeln</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/checks.py" line="86"/>
        <source>/0 means every IPv4 address but no IPv6 address; choose any address to cover both. Beware: qvm-firewall and Qube Manager drop a /0 when they rewrite the list, so the rule then covers both</source>
        <translation>/0 bedeutet jede IPv4-Adresse, aber keine IPv6-Adresse; &quot;Jedes Ziel&quot; wählen, um beide abzudecken. Achtung: qvm-firewall und Qube Manager lassen ein /0 weg, wenn sie die Liste neu schreiben, dann deckt die Regel beide ab</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/checks.py" line="88"/>
        <source>/0 means every IPv6 address but no IPv4 address; choose any address to cover both. Beware: qvm-firewall and Qube Manager drop a /0 when they rewrite the list, so the rule then covers both</source>
        <translation>/0 bedeutet jede IPv6-Adresse, aber keine IPv4-Adresse; &quot;Jedes Ziel&quot; wählen, um beide abzudecken. Achtung: qvm-firewall und Qube Manager lassen ein /0 weg, wenn sie die Liste neu schreiben, dann deckt die Regel beide ab</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/checks.py" line="92"/>
        <source>{value} has host bits set: it matches the whole network {network}; write {network}</source>
        <translation>in {value} sind Host-Bits gesetzt: Es passt auf das ganze Netz {network}; {network} schreiben</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/checks.py" line="106"/>
        <source>the address is empty: type an address, a network or a host name, or choose any address</source>
        <translation>die Adresse ist leer: eine Adresse, ein Netz oder einen Hostnamen eingeben oder &quot;Jedes Ziel&quot; wählen</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/checks.py" line="111"/>
        <source>&apos;{name}&apos; is not a complete IPv4 address: write four numbers like 192.168.1.10</source>
        <translation>'{name}' ist keine vollständige IPv4-Adresse: vier Zahlen wie 192.168.1.10 schreiben</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/checks.py" line="138"/>
        <source>DNS is port 53 only: the FirewallVM silently skips a DNS rule with other ports</source>
        <translation>DNS ist nur Port 53: Die FirewallVM überspringt eine DNS-Regel mit anderen Ports stillschweigend</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/checks.py" line="141"/>
        <source>a DNS rule with an address matches only when that address is one of the FirewallVM&apos;s DNS servers</source>
        <translation>eine DNS-Regel mit Adresse passt nur, wenn diese Adresse einer der DNS-Server der FirewallVM ist</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/fields.py" line="42"/>
        <source>the character {char} is not allowed here</source>
        <translation>das Zeichen {char} ist hier nicht erlaubt</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/fields.py" line="47"/>
        <source>must be one of {choices}, not &apos;{value}&apos;</source>
        <translation>muss eines von {choices} sein, nicht '{value}'</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/fields.py" line="91"/>
        <source>an address has at most one &apos;/&apos;</source>
        <translation>eine Adresse hat höchstens ein '/'</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/fields.py" line="94"/>
        <source>the prefix length after &apos;/&apos; must be a number</source>
        <translation>die Präfixlänge nach '/' muss eine Zahl sein</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/fields.py" line="99"/>
        <source>an IPv6 prefix length is 0 to 128</source>
        <translation>eine IPv6-Präfixlänge ist 0 bis 128</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/fields.py" line="103"/>
        <source>an IPv4 prefix length is 0 to 32</source>
        <translation>eine IPv4-Präfixlänge ist 0 bis 32</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/fields.py" line="105"/>
        <source>&apos;{host}&apos; is not an IPv4 or IPv6 address</source>
        <translation>'{host}' ist keine IPv4- oder IPv6-Adresse</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/fields.py" line="113"/>
        <source>an IPv4 address has exactly three dots</source>
        <translation>eine IPv4-Adresse hat genau drei Punkte</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/fields.py" line="117"/>
        <source>write the host name in lowercase: {name}</source>
        <translation>den Hostnamen kleingeschrieben schreiben: {name}</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/fields.py" line="120"/>
        <source>a host name may contain only lowercase letters, digits, &apos;-&apos;, &apos;.&apos; and &apos;_&apos;</source>
        <translation>ein Hostname darf nur Kleinbuchstaben, Ziffern, '-', '.' und '_' enthalten</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/fields.py" line="172"/>
        <source>ports are numbers from 0 to 65535</source>
        <translation>Ports sind Zahlen von 0 bis 65535</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/fields.py" line="174"/>
        <source>the range starts above its end ({first} &gt; {last})</source>
        <translation>der Bereich beginnt über seinem Ende ({first} &gt; {last})</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/fields.py" line="187"/>
        <source>only ASCII digits are allowed</source>
        <translation>nur ASCII-Ziffern sind erlaubt</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/fields.py" line="192"/>
        <source>a port is a number or a range like 8000-8080</source>
        <translation>ein Port ist eine Zahl oder ein Bereich wie 8000-8080</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/rule.py" line="67"/>
        <source>an ICMP type is a number from 0 to 255</source>
        <translation>ein ICMP-Typ ist eine Zahl von 0 bis 255</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/rule.py" line="74"/>
        <source>the expiry is a UNIX time in whole seconds</source>
        <translation>der Ablauf ist eine UNIX-Zeit in ganzen Sekunden</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/fields.py" line="229"/>
        <source>the expiry is too far in the future (after the year 9999)</source>
        <translation>der Ablauf liegt zu weit in der Zukunft (nach dem Jahr 9999)</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/fields.py" line="242"/>
        <source>unknown L7 protocol &apos;{name}&apos;; known: {known}</source>
        <translation>unbekanntes L7-Protokoll '{name}'; bekannt: {known}</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/fields.py" line="253"/>
        <source>a comment may not contain &apos;=&apos;</source>
        <translation>ein Kommentar darf kein '=' enthalten</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/ports.py" line="95"/>
        <source>any</source>
        <translation>alle</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/icmp.py" line="86"/>
        <source>type an ICMP type: a number 0-255 or a name like echo-request</source>
        <translation>einen ICMP-Typ eingeben: eine Zahl 0-255 oder einen Namen wie echo-request</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/icmp.py" line="95"/>
        <source>{name} is ICMP type {known}, not {typed}: type one of them</source>
        <translation>{name} ist ICMP-Typ {known}, nicht {typed}: eines davon eingeben</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/icmp.py" line="103"/>
        <source>&apos;{text}&apos; is not a known ICMP type; type a number from 0 to 255</source>
        <translation>'{text}' ist kein bekannter ICMP-Typ; eine Zahl von 0 bis 255 eingeben</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/icmp.py" line="120"/>
        <source>{number} is not an ICMP type: types are 0 to 255</source>
        <translation>{number} ist kein ICMP-Typ: Typen sind 0 bis 255</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/ports.py" line="105"/>
        <source>type a port, a range like 8000-8080, or a service like https</source>
        <translation>einen Port, einen Bereich wie 8000-8080 oder einen Dienst wie https eingeben</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/ports.py" line="119"/>
        <source>&apos;{text}&apos; is not a port: type a number, a range like 8000-8080, or a service name</source>
        <translation>'{text}' ist kein Port: eine Zahl, einen Bereich wie 8000-8080 oder einen Dienstnamen eingeben</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/ports.py" line="133"/>
        <source>{name} is port {port}, not {typed}: type one of them</source>
        <translation>{name} ist Port {port}, nicht {typed}: eines davon eingeben</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/ports.py" line="144"/>
        <source>{name} is port {tcp} for tcp but {udp} for udp: choose a protocol or type a port number</source>
        <translation>{name} ist Port {tcp} für tcp, aber {udp} für udp: ein Protokoll wählen oder eine Portnummer eingeben</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/ports.py" line="147"/>
        <source>&apos;{name}&apos; is not a known service; type a port number</source>
        <translation>'{name}' ist kein bekannter Dienst; eine Portnummer eingeben</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/ports.py" line="151"/>
        <source>{name} is a {other} service (port {port}), not {proto}: choose {other} or type a port number</source>
        <translation>{name} ist ein {other}-Dienst (Port {port}), nicht {proto}: {other} wählen oder eine Portnummer eingeben</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/ports.py" line="154"/>
        <source>&apos;{name}&apos; is not a known {proto} service; type a port number</source>
        <translation>'{name}' ist kein bekannter {proto}-Dienst; eine Portnummer eingeben</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/ports.py" line="181"/>
        <source>{port} is not a port: ports are 0 to 65535</source>
        <translation>{port} ist kein Port: Ports sind 0 bis 65535</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/ports.py" line="183"/>
        <source>the range starts above its end: write {last}-{first}</source>
        <translation>der Bereich beginnt über seinem Ende: {last}-{first} schreiben</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/rule.py" line="61"/>
        <source>ports apply only to tcp and udp</source>
        <translation>Ports gibt es nur bei tcp und udp</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/rule.py" line="63"/>
        <source>an ICMP type needs protocol icmp</source>
        <translation>ein ICMP-Typ braucht das Protokoll icmp</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/rule.py" line="69"/>
        <source>unknown L7 protocol &apos;{name}&apos;</source>
        <translation>unbekanntes L7-Protokoll '{name}'</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/rule.py" line="89"/>
        <source>only ASCII characters are allowed in a rule</source>
        <translation>in einer Regel sind nur ASCII-Zeichen erlaubt</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/rule.py" line="92"/>
        <source>a rule is a single line</source>
        <translation>eine Regel ist eine einzige Zeile</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/rule.py" line="104"/>
        <source>option &apos;{key}&apos; is given twice</source>
        <translation>Option '{key}' ist doppelt angegeben</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/rule.py" line="109"/>
        <source>every rule needs action=accept or action=drop</source>
        <translation>jede Regel braucht action=accept oder action=drop</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/rule.py" line="115"/>
        <source>two spaces in a row: separate options by a single space</source>
        <translation>zwei Leerzeichen hintereinander: Optionen durch ein einzelnes Leerzeichen trennen</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/rule.py" line="117"/>
        <source>&apos;{option}&apos; is not a key=value option</source>
        <translation>'{option}' ist keine Option der Form Schlüssel=Wert</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/rule.py" line="118"/>
        <source>unknown firewall option &apos;{key}&apos;</source>
        <translation>unbekannte Firewall-Option '{key}'</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/rulelist.py" line="215"/>
        <source>never matches: rule {number} ({action}) comes first and matches all of its traffic</source>
        <translation>passt nie: Regel {number} ({action}) kommt zuerst und erfasst ihren gesamten Verkehr</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/rulelist.py" line="230"/>
        <source>expired at {time}: dom0 no longer applies it</source>
        <translation>abgelaufen um {time}: dom0 wendet sie nicht mehr an</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/rulelist.py" line="234"/>
        <source>the FirewallVM cannot apply a DNS rule with icmp and blocks all traffic of this qube</source>
        <translation>die FirewallVM kann eine DNS-Regel mit icmp nicht anwenden und sperrt jeglichen Verkehr dieses Qubes</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/rulelist.py" line="236"/>
        <source>the FirewallVM skips a DNS rule whose ports are not 53</source>
        <translation>die FirewallVM überspringt eine DNS-Regel, deren Ports nicht 53 sind</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/rulelist.py" line="383"/>
        <source>changes nothing: its traffic would be accepted anyway by rule {number}</source>
        <translation>ändert nichts: Ihr Verkehr würde ohnehin von Regel {number} angenommen</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/rulelist.py" line="385"/>
        <source>changes nothing: its traffic would be dropped anyway by rule {number}</source>
        <translation>ändert nichts: Ihr Verkehr würde ohnehin von Regel {number} verworfen</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/rulelist.py" line="533"/>
        <source>no rule matches, so the FirewallVM drops it (the policy after the last rule is always drop)</source>
        <translation>keine Regel passt, daher verwirft die FirewallVM ihn (die Richtlinie nach der letzten Regel ist immer verwerfen)</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/rulelist.py" line="571"/>
        <source>{name} in rule {number}</source>
        <translation>{name} in Regel {number}</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/rulelist.py" line="575"/>
        <source>rules with addresses were not compared with {name}: the FirewallVM sees the address the name resolves to</source>
        <translation>Regeln mit Adressen wurden nicht mit {name} verglichen: Die FirewallVM sieht die Adresse, zu der der Name aufgelöst wird</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/rulelist.py" line="594"/>
        <source>rule {number} ({rule}) is the first that matches: accepted</source>
        <translation>Regel {number} ({rule}) passt als erste: angenommen</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/rulelist.py" line="596"/>
        <source>rule {number} ({rule}) is the first that matches: rejected (the qube sees &apos;administratively prohibited&apos;)</source>
        <translation>Regel {number} ({rule}) passt als erste: abgewiesen (der Qube sieht 'administratively prohibited')</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/rulelist.py" line="599"/>
        <source>it names {name}, which the FirewallVM resolves when the rules are applied, not per connection</source>
        <translation>sie nennt {name}, das die FirewallVM beim Anwenden der Regeln auflöst, nicht pro Verbindung</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/model/rulelist.py" line="603"/>
        <source>until {time}</source>
        <translation>bis {time}</translation>
    </message>
</context>
<context>
    <name>RuleTable</name>
    <message>
        <location filename="../qubes_fw_gui/widgets/rule_text.py" line="32"/>
        <source>DNS servers</source>
        <translation>DNS-Server</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/rule_text.py" line="68"/>
        <source>any</source>
        <translation>alle</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/rule_text.py" line="67"/>
        <source>53 (tcp and udp)</source>
        <translation>53 (tcp und udp)</translation>
    </message>
</context>
<context>
    <name>RuleTableModel</name>
    <message>
        <location filename="../qubes_fw_gui/widgets/rule_table.py" line="137"/>
        <source>#</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/rule_table.py" line="137"/>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/rule_table.py" line="137"/>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/rule_table.py" line="137"/>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/rule_table.py" line="137"/>
        <source>Port / ICMP type</source>
        <translation>Port / ICMP-Typ</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/rule_table.py" line="137"/>
        <source>L7 protocol</source>
        <translation>L7-Protokoll</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/rule_table.py" line="137"/>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/rule_table.py" line="137"/>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/rule_table.py" line="159"/>
        <source>accept</source>
        <translation>annehmen</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/rule_table.py" line="159"/>
        <source>drop</source>
        <translation>verwerfen</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/rule_table.py" line="174"/>
        <source>Anything else: drop (implicit, qubesd&apos;s policy)</source>
        <translation>Alles andere: verwerfen (implizit, Richtlinie von qubesd)</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/rule_table.py" line="176"/>
        <source>Anything else: accept</source>
        <translation>Alles andere: annehmen</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/rule_table.py" line="177"/>
        <source>Anything else: drop</source>
        <translation>Alles andere: verwerfen</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/rule_table.py" line="231"/>
        <source>What happens to traffic that no rule above matches. Without an explicit default rule, qubesd&apos;s policy drops it.</source>
        <translation>Was mit Verkehr geschieht, auf den keine Regel darüber passt. Ohne ausdrückliche Standardregel verwirft ihn die Richtlinie von qubesd.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/rule_table.py" line="239"/>
        <source>The FirewallVM resolves this host name once, when the rules are applied, not for each connection.</source>
        <translation>Die FirewallVM löst diesen Hostnamen einmal auf, wenn die Regeln angewendet werden, nicht für jede Verbindung.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/rule_table.py" line="246"/>
        <source>dom0 removes this rule at {time}.</source>
        <translation>dom0 entfernt diese Regel um {time}.</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../qubes_fw_gui/app.py" line="56"/>
        <source>stock mode: L7 rules are refused like today&apos;s qubesd</source>
        <translation>Standardmodus: L7-Regeln werden wie beim heutigen qubesd abgelehnt</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/app.py" line="58"/>
        <source>spec mode: L7 rules are accepted</source>
        <translation>Spezifikationsmodus: L7-Regeln werden angenommen</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/app.py" line="101"/>
        <source>(sandbox dom0, demo qubes)</source>
        <translation>(Sandbox-dom0, Demo-Qubes)</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/app.py" line="121"/>
        <source>Qubes firewall</source>
        <translation>Qubes-Firewall</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/app.py" line="122"/>
        <source>Cannot reach dom0: {error}</source>
        <translation>dom0 ist nicht erreichbar: {error}</translation>
    </message>
</context>
</TS>
