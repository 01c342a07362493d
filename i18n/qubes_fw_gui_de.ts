<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>FirewallTab</name>
    <message>
        <location filename="../ui/firewall_tab.ui" line="45"/>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <location filename="../ui/firewall_tab.ui" line="46"/>
        <source>Add a rule after the selected one (Insert)</source>
        <translation>Eine Regel nach der ausgewählten hinzufügen (Einfg)</translation>
    </message>
    <message>
        <location filename="../ui/firewall_tab.ui" line="51"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <location filename="../ui/firewall_tab.ui" line="52"/>
        <source>Edit the selected rule (Enter or double-click)</source>
        <translation>Die ausgewählte Regel bearbeiten (Eingabetaste oder Doppelklick)</translation>
    </message>
    <message>
        <location filename="../ui/firewall_tab.ui" line="57"/>
        <source>D&amp;uplicate</source>
        <translation>&amp;Duplizieren</translation>
    </message>
    <message>
        <location filename="../ui/firewall_tab.ui" line="62"/>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <location filename="../ui/firewall_tab.ui" line="63"/>
        <source>Delete the selected rules (Delete)</source>
        <translation>Die ausgewählten Regeln löschen (Entf)</translation>
    </message>
    <message>
        <location filename="../ui/firewall_tab.ui" line="68"/>
        <source>Move the selected rules up (Ctrl+Up)</source>
        <translation>Die ausgewählten Regeln nach oben schieben (Strg+Hoch)</translation>
    </message>
    <message>
        <location filename="../ui/firewall_tab.ui" line="69"/>
        <source>Up</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <location filename="../ui/firewall_tab.ui" line="74"/>
        <source>Move the selected rules down (Ctrl+Down)</source>
        <translation>Die ausgewählten Regeln nach unten schieben (Strg+Runter)</translation>
    </message>
    <message>
        <location filename="../ui/firewall_tab.ui" line="75"/>
        <source>Down</source>
        <translation>Runter</translation>
    </message>
    <message>
        <location filename="../ui/firewall_tab.ui" line="80"/>
        <source>Undo (Ctrl+Z)</source>
        <translation>Rückgängig (Strg+Z)</translation>
    </message>
    <message>
        <location filename="../ui/firewall_tab.ui" line="81"/>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <location filename="../ui/firewall_tab.ui" line="86"/>
        <source>Redo (Ctrl+Shift+Z)</source>
        <translation>Wiederholen (Strg+Umschalt+Z)</translation>
    </message>
    <message>
        <location filename="../ui/firewall_tab.ui" line="87"/>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <location filename="../ui/firewall_tab.ui" line="98"/>
        <source>Filter rules</source>
        <translation>Regeln filtern</translation>
    </message>
    <message>
        <location filename="../ui/firewall_tab.ui" line="104"/>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <location filename="../ui/firewall_tab.ui" line="105"/>
        <source>Replace the rules with a file of Admin API lines</source>
        <translation>Die Regeln durch eine Datei mit Admin-API-Zeilen ersetzen</translation>
    </message>
    <message>
        <location filename="../ui/firewall_tab.ui" line="110"/>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/firewall_tab.ui" line="111"/>
        <source>Save the rules as Admin API lines</source>
        <translation>Die Regeln als Admin-API-Zeilen speichern</translation>
    </message>
    <message>
        <location filename="../ui/firewall_tab.ui" line="123"/>
        <source>Anything else (the default action):</source>
        <translation>Alles andere (Standardaktion):</translation>
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
        <location filename="../qubes_fw_gui/widgets/full_access_box.py" line="176"/>
        <source>Allow full access for</source>
        <translation>Vollen Zugriff erlauben für</translation>
    </message>
    <message>
        <location filename="../ui/full_access_box.ui" line="27"/>
        <source>How long the qube may reach any address</source>
        <translation>Wie lange der Qube jede Adresse erreichen darf</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/full_access_box.py" line="63"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../ui/full_access_box.ui" line="36"/>
        <source>5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/full_access_box.ui" line="37"/>
        <source>5 minutes</source>
        <translation>5 Minuten</translation>
    </message>
    <message>
        <location filename="../ui/full_access_box.ui" line="42"/>
        <source>15</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/full_access_box.ui" line="43"/>
        <source>15 minutes</source>
        <translation>15 Minuten</translation>
    </message>
    <message>
        <location filename="../ui/full_access_box.ui" line="48"/>
        <source>30</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/full_access_box.ui" line="49"/>
        <source>30 minutes</source>
        <translation>30 Minuten</translation>
    </message>
    <message>
        <location filename="../ui/full_access_box.ui" line="54"/>
        <source>60</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/full_access_box.ui" line="55"/>
        <source>60 minutes</source>
        <translation>60 Minuten</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/full_access_box.py" line="179"/>
        <source>until a time of day</source>
        <translation>bis zu einer Uhrzeit</translation>
    </message>
    <message>
        <location filename="../ui/full_access_box.ui" line="75"/>
        <source>A time earlier than now means tomorrow</source>
        <translation>Eine Uhrzeit vor jetzt bedeutet morgen</translation>
    </message>
    <message>
        <location filename="../ui/full_access_box.ui" line="76"/>
        <source>HH:mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/full_access_box.py" line="155"/>
        <source>Full access is off.</source>
        <translation>Voller Zugriff ist aus.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/full_access_box.py" line="96"/>
        <source>The netvm of this qube does not enforce the firewall, so a full-access window has no effect.</source>
        <translation>Die Netz-VM dieses Qubes setzt die Firewall nicht durch, daher hat ein Zeitfenster mit vollem Zugriff keine Wirkung.</translation>
    </message>
    <message>
        <location filename="../ui/full_access_box.ui" line="115"/>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <location filename="../ui/full_access_box.ui" line="116"/>
        <source>Add a rule that accepts everything, first in the list, until the end time; saved at once</source>
        <translation>Eine Regel, die alles erlaubt, an erster Stelle bis zur Endzeit hinzufügen; wird sofort gespeichert</translation>
    </message>
    <message>
        <location filename="../ui/full_access_box.ui" line="121"/>
        <source>E&amp;xtend</source>
        <translation>&amp;Verlängern</translation>
    </message>
    <message>
        <location filename="../ui/full_access_box.ui" line="126"/>
        <source>&amp;End now</source>
        <translation>Jetzt &amp;beenden</translation>
    </message>
    <message>
        <location filename="../ui/full_access_box.ui" line="127"/>
        <source>Remove the full-access rule and save at once</source>
        <translation>Die Regel für vollen Zugriff entfernen und sofort speichern</translation>
    </message>
    <message>
        <location filename="../ui/full_access_box.ui" line="146"/>
        <source>At the end time dom0 removes the rule, and the FirewallVM then cuts the connections the remaining rules do not allow (Qubes 4.2 and later).</source>
        <translation>Zur Endzeit entfernt dom0 die Regel, und die FirewallVM trennt dann die Verbindungen, die die übrigen Regeln nicht erlauben (ab Qubes 4.2).</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/full_access_box.py" line="60"/>
        <source>{n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/full_access_box.py" line="61"/>
        <source>Full access for {n} minutes</source>
        <translation>Voller Zugriff für {n} Minuten</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/full_access_box.py" line="158"/>
        <source>&lt;b&gt;Full access is on&lt;/b&gt;: {ends}.</source>
        <translation>&lt;b&gt;Voller Zugriff ist an&lt;/b&gt;: {ends}.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/full_access_box.py" line="171"/>
        <source>tomorrow</source>
        <translation>morgen</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/full_access_box.py" line="171"/>
        <source>today</source>
        <translation>heute</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/full_access_box.py" line="176"/>
        <source>Extend by</source>
        <translation>Verlängern um</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/full_access_box.py" line="187"/>
        <source>The window already lasts until {time}.</source>
        <translation>Das Zeitfenster dauert bereits bis {time}.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/full_access_box.py" line="191"/>
        <source>Saving…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/full_access_box.py" line="199"/>
        <source>This full-access rule is rule {n} in the list, not the first: the drop rules above it (rule {rules}) still block what they match.</source>
        <translation>Diese Regel für vollen Zugriff ist Regel {n} der Liste, nicht die erste: Die Sperrregeln darüber (Regel {rules}) blockieren weiterhin, was sie erfassen.</translation>
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
        <location filename="../ui/full_access_window.ui" line="63"/>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <location filename="../ui/full_access_window.ui" line="64"/>
        <source>Close this window; a running full-access window keeps running until its end time</source>
        <translation>Dieses Fenster schließen; ein laufendes Zeitfenster mit vollem Zugriff läuft bis zu seiner Endzeit weiter</translation>
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
        <location filename="../ui/leak_panel.ui" line="54"/>
        <source>0,0,1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/leak_panel.ui" line="59"/>
        <source>Downstream traffic may leave only through these tunnel interfaces (kill switch: nothing leaves while the tunnel is down)</source>
        <translation>Verkehr nachgelagerter Qubes darf nur über diese Tunnel-Schnittstellen hinaus (Kill-Switch: nichts geht hinaus, solange der Tunnel unten ist)</translation>
    </message>
    <message>
        <location filename="../ui/leak_panel.ui" line="82"/>
        <source>Tunnel &amp;interfaces:</source>
        <translation>Tunnel-&amp;Schnittstellen:</translation>
    </message>
    <message>
        <location filename="../ui/leak_panel.ui" line="92"/>
        <source>tun0 wg0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/leak_panel.ui" line="95"/>
        <source>Interface names inside the ProxyVM, separated by spaces (e.g. tun0 for OpenVPN, wg0 for WireGuard). A name ending in * matches a prefix (tun*).</source>
        <translation>Schnittstellennamen in der ProxyVM, durch Leerzeichen getrennt (z. B. tun0 für OpenVPN, wg0 für WireGuard). Ein Name mit * am Ende passt auf ein Präfix (tun*).</translation>
    </message>
    <message>
        <location filename="../ui/leak_panel.ui" line="109"/>
        <source>DNS from downstream qubes only through the tunnel</source>
        <translation>DNS nachgelagerter Qubes nur durch den Tunnel</translation>
    </message>
    <message>
        <location filename="../ui/leak_panel.ui" line="116"/>
        <source>Only to these &amp;resolvers:</source>
        <translation>Nur zu diesen &amp;DNS-Servern:</translation>
    </message>
    <message>
        <location filename="../ui/leak_panel.ui" line="126"/>
        <source>optional, e.g. 10.8.0.1</source>
        <translation>optional, z. B. 10.8.0.1</translation>
    </message>
    <message>
        <location filename="../ui/leak_panel.ui" line="129"/>
        <source>IP addresses of the DNS servers reachable through the tunnel, separated by spaces. Leave empty to allow any resolver, as long as the query goes through the tunnel.</source>
        <translation>IP-Adressen der durch den Tunnel erreichbaren DNS-Server, durch Leerzeichen getrennt. Leer lassen, um jeden DNS-Server zu erlauben, solange die Anfrage durch den Tunnel geht.</translation>
    </message>
    <message>
        <location filename="../ui/leak_panel.ui" line="143"/>
        <source>Block all IPv6 from downstream qubes</source>
        <translation>Jegliches IPv6 nachgelagerter Qubes sperren</translation>
    </message>
    <message>
        <location filename="../ui/leak_panel.ui" line="150"/>
        <source>Log dropped packets (in the ProxyVM&apos;s journal)</source>
        <translation>Verworfene Pakete protokollieren (im Journal der ProxyVM)</translation>
    </message>
    <message>
        <location filename="../ui/leak_panel.ui" line="160"/>
        <source>Downstream qubes</source>
        <translation>Nachgelagerte Qubes</translation>
    </message>
    <message>
        <location filename="../ui/leak_panel.ui" line="179"/>
        <source>Qube</source>
        <translation>Qube</translation>
    </message>
    <message>
        <location filename="../ui/leak_panel.ui" line="184"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../ui/leak_panel.ui" line="189"/>
        <source>Firewall</source>
        <translation>Firewall</translation>
    </message>
</context>
<context>
    <name>RuleDialog</name>
    <message>
        <location filename="../ui/rule_dialog.ui" line="9"/>
        <source>Firewall rule</source>
        <translation>Firewall-Regel</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="18"/>
        <source>Action:</source>
        <translation>Aktion:</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="25"/>
        <source>&amp;Accept (allow)</source>
        <translation>&amp;Annehmen (erlauben)</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="31"/>
        <source>&amp;Drop (block)</source>
        <translation>&amp;Verwerfen (sperren)</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="46"/>
        <source>&amp;Target:</source>
        <translation>&amp;Ziel:</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="54"/>
        <source>Which destinations this rule matches</source>
        <translation>Auf welche Ziele diese Regel passt</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="55"/>
        <source>Any destination</source>
        <translation>Jedes Ziel</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="56"/>
        <source>DNS servers</source>
        <translation>DNS-Server</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="62"/>
        <source>Address, network or host name</source>
        <translation>Adresse, Netz oder Hostname</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="63"/>
        <source>An IPv4 or IPv6 address, a network such as 192.168.1.0/24 or 2001:db8::/32, or a host name such as example.com</source>
        <translation>Eine IPv4- oder IPv6-Adresse, ein Netz wie 192.168.1.0/24 oder 2001:db8::/32 oder ein Hostname wie example.com</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="73"/>
        <source>Protocol:</source>
        <translation>Protokoll:</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="80"/>
        <source>An&amp;y</source>
        <translation>&amp;Alle</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="86"/>
        <source>T&amp;CP</source>
        <translation>T&amp;CP</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="91"/>
        <source>&amp;UDP</source>
        <translation>&amp;UDP</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="96"/>
        <source>&amp;ICMP</source>
        <translation>&amp;ICMP</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="111"/>
        <source>&amp;Port or range:</source>
        <translation>&amp;Port oder Bereich:</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="120"/>
        <source>A service name (https), a port (443) or a range (8000-8080); empty means any port</source>
        <translation>Ein Dienstname (https), ein Port (443) oder ein Bereich (8000-8080); leer bedeutet jeder Port</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="128"/>
        <source>IC&amp;MP type:</source>
        <translation>IC&amp;MP-Typ:</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="137"/>
        <source>A type name (echo-request) or number (0-255); empty means any ICMP type</source>
        <translation>Ein Typname (echo-request) oder eine Zahl (0-255); leer bedeutet jeder ICMP-Typ</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="145"/>
        <source>&amp;L7 protocol:</source>
        <translation>&amp;L7-Protokoll:</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="153"/>
        <source>Match only traffic of this application protocol (deep packet inspection in the FirewallVM)</source>
        <translation>Nur Verkehr dieses Anwendungsprotokolls erfassen (Deep Packet Inspection in der FirewallVM)</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="173"/>
        <source>&amp;Expires:</source>
        <translation>Läuft &amp;ab:</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="181"/>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="182"/>
        <source>In</source>
        <translation>In</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="183"/>
        <source>At</source>
        <translation>Am</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="188"/>
        <source>Minutes until the rule expires</source>
        <translation>Minuten, bis die Regel abläuft</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="189"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="197"/>
        <source>Date and time the rule expires</source>
        <translation>Datum und Uhrzeit, zu der die Regel abläuft</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="198"/>
        <source>yyyy-MM-dd HH:mm:ss</source>
        <translation>dd.MM.yyyy HH:mm:ss</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="218"/>
        <source>C&amp;omment:</source>
        <translation>K&amp;ommentar:</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="224"/>
        <source>optional: why this rule exists</source>
        <translation>optional: warum es diese Regel gibt</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="225"/>
        <source>Letters, digits, spaces and : ; , . / - _ [ ] only; at most 512 characters</source>
        <translation>Nur Buchstaben, Ziffern, Leerzeichen und : ; , . / - _ [ ]; höchstens 512 Zeichen</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="235"/>
        <source>Quick presets</source>
        <translation>Schnellvorlagen</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="239"/>
        <source>Allow DNS</source>
        <translation>DNS erlauben</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="241"/>
        <source>Accept connections to the DNS servers of the netvm</source>
        <translation>Verbindungen zu den DNS-Servern der Netz-VM annehmen</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="246"/>
        <source>Allow ICMP</source>
        <translation>ICMP erlauben</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="248"/>
        <source>Accept ICMP (ping and error reports) to any destination</source>
        <translation>ICMP (Ping und Fehlermeldungen) zu jedem Ziel annehmen</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="253"/>
        <source>Block everything else</source>
        <translation>Alles andere sperren</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="255"/>
        <source>Drop every connection no earlier rule accepted</source>
        <translation>Jede Verbindung verwerfen, die keine frühere Regel angenommen hat</translation>
    </message>
    <message>
        <location filename="../ui/rule_dialog.ui" line="266"/>
        <source>The rule as the Admin API will carry it</source>
        <translation>Die Regel, wie die Admin-API sie überträgt</translation>
    </message>
</context>
<context>
    <name>RuleTableModel</name>
    <message>
        <location filename="../qubes_fw_gui/widgets/rule_table.py" line="123"/>
        <source>#</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/rule_table.py" line="123"/>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/rule_table.py" line="123"/>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/rule_table.py" line="123"/>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/rule_table.py" line="123"/>
        <source>Port / ICMP type</source>
        <translation>Port / ICMP-Typ</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/rule_table.py" line="123"/>
        <source>L7 protocol</source>
        <translation>L7-Protokoll</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/rule_table.py" line="123"/>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/rule_table.py" line="123"/>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/rule_table.py" line="145"/>
        <source>accept</source>
        <translation>annehmen</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/rule_table.py" line="145"/>
        <source>drop</source>
        <translation>verwerfen</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/rule_table.py" line="158"/>
        <source>Anything else: drop (implicit, qubesd&apos;s policy)</source>
        <translation>Alles andere: verwerfen (implizit, Richtlinie von qubesd)</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/rule_table.py" line="160"/>
        <source>Anything else: accept</source>
        <translation>Alles andere: annehmen</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/rule_table.py" line="161"/>
        <source>Anything else: drop</source>
        <translation>Alles andere: verwerfen</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/rule_table.py" line="198"/>
        <source>What happens to traffic that no rule above matches. Without an explicit default rule, qubesd&apos;s policy drops it.</source>
        <translation>Was mit Verkehr geschieht, auf den keine Regel darüber passt. Ohne ausdrückliche Standardregel verwirft ihn die Richtlinie von qubesd.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/rule_table.py" line="205"/>
        <source>The FirewallVM resolves this host name once, when the rules are applied, not for each connection.</source>
        <translation>Die FirewallVM löst diesen Hostnamen einmal auf, wenn die Regeln angewendet werden, nicht für jede Verbindung.</translation>
    </message>
    <message>
        <location filename="../qubes_fw_gui/widgets/rule_table.py" line="212"/>
        <source>dom0 removes this rule at this time.</source>
        <translation>dom0 entfernt diese Regel zu diesem Zeitpunkt.</translation>
    </message>
</context>
</TS>
