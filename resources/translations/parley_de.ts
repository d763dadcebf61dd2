<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AccountPage</name>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Create your account</source>
        <translation>Konto erstellen</translation>
    </message>
    <message>
        <source>Log in to Parley</source>
        <translation>Bei Parley anmelden</translation>
    </message>
    <message>
        <source>Choose a username that people will use to find you.</source>
        <translation>Wähle einen Benutzernamen, unter dem andere dich finden.</translation>
    </message>
    <message>
        <source>Use the server address your administrator gave you.</source>
        <translation>Verwende die Serveradresse, die du von deiner Administration bekommen hast.</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>e.g. alice</source>
        <translation>z.&#xa0;B. alice</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>At least 8 characters</source>
        <translation>Mindestens 8 Zeichen</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>Passwort wiederholen</translation>
    </message>
    <message>
        <source>The passwords do not match.</source>
        <translation>Die Passwörter stimmen nicht überein.</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>Konto erstellen</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>I already have an account</source>
        <translation>Ich habe schon ein Konto</translation>
    </message>
    <message>
        <source>Create a new account</source>
        <translation>Neues Konto erstellen</translation>
    </message>
</context>
<context>
    <name>AttachmentChip</name>
    <message>
        <source>File %1, %2</source>
        <translation>Datei %1, %2</translation>
    </message>
    <message>
        <source>%1 · uploading %2%</source>
        <translation>%1 · wird hochgeladen, %2&#xa0;%</translation>
    </message>
    <message>
        <source>%1 · downloading %2%</source>
        <translation>%1 · wird heruntergeladen, %2&#xa0;%</translation>
    </message>
    <message>
        <source>%1 · failed</source>
        <translation>%1 · fehlgeschlagen</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Herunterladen</translation>
    </message>
    <message>
        <source>Download %1</source>
        <translation>%1 herunterladen</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>%1 öffnen</translation>
    </message>
    <message>
        <source>Uploading %1</source>
        <translation>%1 wird hochgeladen</translation>
    </message>
    <message>
        <source>Downloading %1</source>
        <translation>%1 wird heruntergeladen</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>Back up your history</source>
        <translation>Verlauf sichern</translation>
    </message>
    <message>
        <source>The backup is one encrypted file with your conversations, messages, reactions and edits. Keep it somewhere safe; restore it on any computer after signing in as you. Parley cannot open it without what you choose here.</source>
        <translation>Die Sicherung ist eine verschlüsselte Datei mit deinen Unterhaltungen, Nachrichten, Reaktionen und Bearbeitungen. Bewahre sie sicher auf; stelle sie auf jedem Computer wieder her, nachdem du dich angemeldet hast. Ohne das, was du hier wählst, kann Parley sie nicht öffnen.</translation>
    </message>
    <message>
        <source>Protect it with a passphrase</source>
        <translation>Mit einer Passphrase schützen</translation>
    </message>
    <message>
        <source>Passphrase (at least 8 characters)</source>
        <translation>Passphrase (mindestens 8 Zeichen)</translation>
    </message>
    <message>
        <source>Backup passphrase</source>
        <translation>Passphrase der Sicherung</translation>
    </message>
    <message>
        <source>The same passphrase again</source>
        <translation>Dieselbe Passphrase noch einmal</translation>
    </message>
    <message>
        <source>Repeat the backup passphrase</source>
        <translation>Passphrase der Sicherung wiederholen</translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>Die beiden Passphrasen stimmen nicht überein.</translation>
    </message>
    <message>
        <source>Make a backup key for me to write down</source>
        <translation>Einen Sicherungsschlüssel zum Notieren erstellen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Back up</source>
        <translation>Sichern</translation>
    </message>
</context>
<context>
    <name>BackupKeyDialog</name>
    <message>
        <source>Your backup key</source>
        <translation>Dein Sicherungsschlüssel</translation>
    </message>
    <message>
        <source>Write this key down and keep it apart from the backup file. To restore the backup on a new computer you need this key; Parley cannot recover it for you.</source>
        <translation>Notiere diesen Schlüssel und bewahre ihn getrennt von der Sicherungsdatei auf. Um die Sicherung auf einem neuen Computer wiederherzustellen, brauchst du ihn; Parley kann ihn nicht für dich wiederherstellen.</translation>
    </message>
    <message>
        <source>Backup key: %1</source>
        <translation>Sicherungsschlüssel: %1</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the backup key</source>
        <translation>Sicherungsschlüssel kopieren</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Später</translation>
    </message>
    <message>
        <source>I have written it down</source>
        <translation>Ich habe ihn notiert</translation>
    </message>
</context>
<context>
    <name>CertificateDialog</name>
    <message>
        <source>The server&apos;s identity has changed</source>
        <translation>Die Identität des Servers hat sich geändert</translation>
    </message>
    <message>
        <source>Stay disconnected</source>
        <translation>Nicht verbinden</translation>
    </message>
    <message>
        <source>Trust the new certificate</source>
        <translation>Dem neuen Zertifikat vertrauen</translation>
    </message>
</context>
<context>
    <name>ChatExport</name>
    <message>
        <source>Export this chat into a folder</source>
        <translation>Diesen Chat in einen Ordner exportieren</translation>
    </message>
    <message>
        <source>Chat exported. %1</source>
        <translation>Chat exportiert. %1</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Attach a file</source>
        <translation>Datei anhängen</translation>
    </message>
    <message>
        <source>You can no longer send messages here: you are not a member of this group.</source>
        <translation>Du kannst hier keine Nachrichten mehr senden: Du bist kein Mitglied dieser Gruppe.</translation>
    </message>
    <message>
        <source>You blocked %1. Unblock to send messages.</source>
        <translation>Du hast %1 blockiert. Heb die Blockierung auf, um Nachrichten zu senden.</translation>
    </message>
    <message>
        <source>Editing message</source>
        <translation>Nachricht bearbeiten</translation>
    </message>
    <message>
        <source>Replying to %1</source>
        <translation>Antwort an %1</translation>
    </message>
    <message>
        <source>Cancel editing (Escape)</source>
        <translation>Bearbeiten abbrechen (Esc)</translation>
    </message>
    <message>
        <source>Cancel reply (Escape)</source>
        <translation>Antwort abbrechen (Esc)</translation>
    </message>
    <message>
        <source>Write a message…</source>
        <translation>Nachricht schreiben …</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Save edit</source>
        <translation>Änderung speichern</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Save (Enter)</source>
        <translation>Speichern (Eingabetaste)</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>Senden (Eingabetaste)</translation>
    </message>
    <message>
        <source>Insert an emoji</source>
        <translation>Emoji einfügen</translation>
    </message>
    <message>
        <source>Members to mention</source>
        <translation>Mitglieder zum Erwähnen</translation>
    </message>
    <message>
        <source>Mention %1</source>
        <translation>%1 erwähnen</translation>
    </message>
    <message>
        <source>%1  @%2</source>
        <translation>%1  @%2</translation>
    </message>
</context>
<context>
    <name>ConversationDelegate</name>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n ungelesen</numerusform>
            <numerusform>%n ungelesen</numerusform>
        </translation>
    </message>
    <message>
        <source>muted</source>
        <translation>stumm</translation>
    </message>
    <message>
        <source>d MMM</source>
        <extracomment>A date of this year, as a Qt date format (d day, MMM short month name)</extracomment>
        <translation>d. MMM</translation>
    </message>
</context>
<context>
    <name>ConversationView</name>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>You are no longer a member</source>
        <translation>Du bist kein Mitglied mehr</translation>
    </message>
    <message>
        <source>%1 · notifications muted</source>
        <translation>%1 · Benachrichtigungen stumm</translation>
    </message>
    <message>
        <source>Notifications muted</source>
        <translation>Benachrichtigungen stumm</translation>
    </message>
    <message>
        <source>Group info</source>
        <translation>Gruppeninfo</translation>
    </message>
    <message>
        <source>Chat info and safety number</source>
        <translation>Chatinfo und Sicherheitsnummer</translation>
    </message>
    <message>
        <source>Conversation menu</source>
        <translation>Menü der Unterhaltung</translation>
    </message>
    <message>
        <source>Unmute notifications</source>
        <translation>Benachrichtigungen einschalten</translation>
    </message>
    <message>
        <source>Mute notifications</source>
        <translation>Benachrichtigungen stummschalten</translation>
    </message>
    <message>
        <source>Members and safety numbers…</source>
        <translation>Mitglieder und Sicherheitsnummern …</translation>
    </message>
    <message>
        <source>Verify safety number…</source>
        <translation>Sicherheitsnummer überprüfen …</translation>
    </message>
    <message>
        <source>Unblock</source>
        <translation>Blockierung aufheben</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Blockieren</translation>
    </message>
    <message>
        <source>Unblock %1</source>
        <translation>Blockierung von %1 aufheben</translation>
    </message>
    <message>
        <source>Block %1</source>
        <translation>%1 blockieren</translation>
    </message>
    <message>
        <source>Leave group…</source>
        <translation>Gruppe verlassen …</translation>
    </message>
    <message>
        <source>Compare safety numbers…</source>
        <translation>Sicherheitsnummern vergleichen …</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>Jump to the latest message</source>
        <translation>Zur neuesten Nachricht springen</translation>
    </message>
    <message>
        <source>Drop files to send them</source>
        <translation>Dateien hier ablegen, um sie zu senden</translation>
    </message>
    <message>
        <source>No messages yet. Say hello to the group!</source>
        <translation>Noch keine Nachrichten. Sag der Gruppe Hallo!</translation>
    </message>
    <message>
        <source>No messages yet. Say hello!</source>
        <translation>Noch keine Nachrichten. Sag Hallo!</translation>
    </message>
    <message>
        <source>Delete for everyone?</source>
        <translation>Für alle löschen?</translation>
    </message>
    <message>
        <source>The message is replaced by “This message was deleted” for everyone in this conversation, and its text is erased from their devices once they receive the deletion.</source>
        <translation>Die Nachricht wird für alle in dieser Unterhaltung durch „Diese Nachricht wurde gelöscht“ ersetzt, und ihr Text wird von ihren Geräten entfernt, sobald die Löschung dort ankommt.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete for everyone</source>
        <translation>Für alle löschen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Open this link?</source>
        <translation>Diesen Link öffnen?</translation>
    </message>
    <message>
        <source>Parley will hand this address to your browser or mail app:</source>
        <translation>Parley gibt diese Adresse an deinen Browser oder dein E-Mail-Programm weiter:</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Open the link</source>
        <translation>Link öffnen</translation>
    </message>
    <message>
        <source>Report…</source>
        <translation>Melden …</translation>
    </message>
    <message>
        <source>Report %1</source>
        <translation>%1 melden</translation>
    </message>
    <message>
        <source>Disappearing: %1</source>
        <translation>Verschwindend: %1</translation>
    </message>
    <message>
        <source>Disappearing messages: %1</source>
        <translation>Verschwindende Nachrichten: %1</translation>
    </message>
    <message>
        <source>Disappearing messages…</source>
        <translation>Verschwindende Nachrichten …</translation>
    </message>
    <message>
        <source>last seen recently</source>
        <translation>zuletzt vor Kurzem online</translation>
    </message>
    <message>
        <source>Export chat…</source>
        <translation>Chat exportieren …</translation>
    </message>
</context>
<context>
    <name>DeviceDelegate</name>
    <message>
        <source>%1, this device</source>
        <translation>%1, dieses Gerät</translation>
    </message>
    <message>
        <source>This device</source>
        <translation>Dieses Gerät</translation>
    </message>
    <message>
        <source>Added %1</source>
        <translation>Hinzugefügt am %1</translation>
    </message>
    <message>
        <source>Added %1 · last seen %2</source>
        <translation>Hinzugefügt am %1 · zuletzt aktiv %2</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Revoke %1</source>
        <translation>%1 entfernen</translation>
    </message>
</context>
<context>
    <name>EmojiPicker</name>
    <message>
        <source>Search emoji</source>
        <translation>Emoji suchen</translation>
    </message>
    <message>
        <source>No emoji found</source>
        <translation>Kein Emoji gefunden</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
</context>
<context>
    <name>EmptyConversation</name>
    <message>
        <source>Pick a conversation</source>
        <translation>Wähle eine Unterhaltung</translation>
    </message>
    <message>
        <source>Start your first conversation</source>
        <translation>Starte deine erste Unterhaltung</translation>
    </message>
    <message>
        <source>Choose one on the left, or start a new chat with someone.</source>
        <translation>Wähle links eine aus oder starte einen neuen Chat mit jemandem.</translation>
    </message>
    <message>
        <source>Chat with one person by their username, or bring several people together in a group.</source>
        <translation>Chatte mit einer Person über ihren Benutzernamen oder bring mehrere Leute in einer Gruppe zusammen.</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>Neuer Chat</translation>
    </message>
    <message>
        <source>New group</source>
        <translation>Neue Gruppe</translation>
    </message>
</context>
<context>
    <name>HtmlPage</name>
    <message>
        <source>All conversations</source>
        <translation>Alle Unterhaltungen</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>bearbeitet</translation>
    </message>
    <message>
        <source>an earlier message</source>
        <translation>eine frühere Nachricht</translation>
    </message>
    <message>
        <source>This message was deleted.</source>
        <translation>Diese Nachricht wurde gelöscht.</translation>
    </message>
    <message>
        <source>This message could not be decrypted on this device.</source>
        <translation>Diese Nachricht konnte auf diesem Gerät nicht entschlüsselt werden.</translation>
    </message>
    <message>
        <source>not downloaded on this device</source>
        <translation>auf diesem Gerät nicht heruntergeladen</translation>
    </message>
    <message>
        <source>Parley conversations of %1</source>
        <translation>Parley-Unterhaltungen von %1</translation>
    </message>
    <message>
        <source>Messages: %1</source>
        <translation>Nachrichten: %1</translation>
    </message>
    <message>
        <source>Parley conversations</source>
        <translation>Parley-Unterhaltungen</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <source>Saved as %1</source>
        <translation>Gespeichert als %1</translation>
    </message>
    <message>
        <source>Save image</source>
        <translation>Bild speichern</translation>
    </message>
    <message>
        <source>Image viewer: %1</source>
        <translation>Bildbetrachter: %1</translation>
    </message>
    <message>
        <source>%1 × %2 pixels · %3 · %4%</source>
        <translation>%1 × %2 Pixel · %3 · %4 %</translation>
    </message>
    <message>
        <source>‹ Previous</source>
        <translation>‹ Zurück</translation>
    </message>
    <message>
        <source>Previous image</source>
        <translation>Vorheriges Bild</translation>
    </message>
    <message>
        <source>Next ›</source>
        <translation>Weiter ›</translation>
    </message>
    <message>
        <source>Next image</source>
        <translation>Nächstes Bild</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Fit to the window</source>
        <translation>An das Fenster anpassen</translation>
    </message>
    <message>
        <source>100%</source>
        <translation>100 %</translation>
    </message>
    <message>
        <source>Actual size</source>
        <translation>Originalgröße</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Speichern …</translation>
    </message>
    <message>
        <source>Save %1</source>
        <translation>%1 speichern</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close the image viewer</source>
        <translation>Bildbetrachter schließen</translation>
    </message>
    <message>
        <source>Downloading %1</source>
        <translation>%1 wird heruntergeladen</translation>
    </message>
    <message>
        <source>Downloading… %1%</source>
        <translation>Wird heruntergeladen … %1 %</translation>
    </message>
    <message>
        <source>The image could not be downloaded.</source>
        <translation>Das Bild konnte nicht heruntergeladen werden.</translation>
    </message>
    <message>
        <source>This image cannot be shown.</source>
        <translation>Dieses Bild kann nicht angezeigt werden.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Download %1 again</source>
        <translation>%1 erneut herunterladen</translation>
    </message>
</context>
<context>
    <name>KeychainDialog</name>
    <message>
        <source>Your login cannot be saved</source>
        <translation>Deine Anmeldung kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Continue without saving</source>
        <translation>Ohne Speichern fortfahren</translation>
    </message>
    <message>
        <source>Parley keeps your login and keys in the system keychain, and none is available. Protect them with a passphrase instead, or continue without saving: then you will have to log in again the next time you start Parley.</source>
        <translation>Parley bewahrt deine Anmeldung und deine Schlüssel im Schlüsselbund des Systems auf, und es ist keiner verfügbar. Schütze sie stattdessen mit einer Passphrase, oder fahre ohne Speichern fort: Dann musst du dich beim nächsten Start von Parley erneut anmelden.</translation>
    </message>
    <message>
        <source>Use a passphrase…</source>
        <translation>Passphrase verwenden …</translation>
    </message>
</context>
<context>
    <name>LogoutDialog</name>
    <message>
        <source>Log out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>This device is removed from your account. What should happen to your messages on this computer?</source>
        <translation>Dieses Gerät wird aus deinem Konto entfernt. Was soll mit deinen Nachrichten auf diesem Computer geschehen?</translation>
    </message>
    <message>
        <source>Keep my history on this computer</source>
        <translation>Verlauf auf diesem Computer behalten</translation>
    </message>
    <message>
        <source>Erase everything from this computer…</source>
        <translation>Alles von diesem Computer löschen …</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Erase everything?</source>
        <translation>Alles löschen?</translation>
    </message>
    <message>
        <source>Your messages, this device&apos;s keys and what was not sent yet are deleted from this computer. This cannot be undone.</source>
        <translation>Deine Nachrichten, die Schlüssel dieses Geräts und alles noch nicht Gesendete werden von diesem Computer gelöscht. Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Erase everything</source>
        <translation>Alles löschen</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Parley (%1)</source>
        <translation>Parley (%1)</translation>
    </message>
    <message>
        <source>Parley</source>
        <translation>Parley</translation>
    </message>
    <message>
        <source>You are offline. Parley keeps trying to reconnect; what you write is sent when the server is back.</source>
        <translation>Du bist offline. Parley versucht weiter, sich zu verbinden; was du schreibst, wird gesendet, sobald der Server wieder da ist.</translation>
    </message>
    <message>
        <source>Sign in again…</source>
        <translation>Erneut anmelden …</translation>
    </message>
    <message>
        <source>Not connected: the server&apos;s certificate has changed.</source>
        <translation>Nicht verbunden: Das Zertifikat des Servers hat sich geändert.</translation>
    </message>
    <message>
        <source>Review…</source>
        <translation>Prüfen …</translation>
    </message>
    <message>
        <source>Leave this group?</source>
        <translation>Diese Gruppe verlassen?</translation>
    </message>
    <message>
        <source>You will stop receiving its messages. A member who can manage the group has to add you again to come back.</source>
        <translation>Du bekommst dann keine Nachrichten mehr aus ihr. Um zurückzukommen, muss dich jemand, der die Gruppe verwalten darf, wieder hinzufügen.</translation>
    </message>
    <message>
        <source>Leave group</source>
        <translation>Gruppe verlassen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Write down your recovery key: it opens your history here if the system keychain and your passphrase are lost.</source>
        <translation>Schreib deinen Wiederherstellungsschlüssel auf: Er öffnet deinen Verlauf hier, wenn der Schlüsselbund des Systems und deine Passphrase verloren sind.</translation>
    </message>
    <message>
        <source>Show…</source>
        <translation>Anzeigen …</translation>
    </message>
    <message>
        <source>“%1” signed in to your account (%2). If that was not you, remove it and change your password.</source>
        <translation>„%1“ hat sich bei deinem Konto angemeldet (%2). Wenn du das nicht warst, entferne es und ändere dein Passwort.</translation>
    </message>
    <message>
        <source>%1 new devices signed in to your account, the last “%2”. If that was not you, remove them and change your password.</source>
        <translation>%1 neue Geräte haben sich bei deinem Konto angemeldet, zuletzt „%2“. Wenn du das nicht warst, entferne sie und ändere dein Passwort.</translation>
    </message>
    <message>
        <source>It was me</source>
        <translation>Das war ich</translation>
    </message>
</context>
<context>
    <name>MemberDelegate</name>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (du)</translation>
    </message>
    <message>
        <source>Safety number with %1</source>
        <translation>Sicherheitsnummer mit %1</translation>
    </message>
    <message>
        <source>Actions for %1</source>
        <translation>Aktionen für %1</translation>
    </message>
    <message>
        <source>%1, verified</source>
        <translation>%1, verifiziert</translation>
    </message>
</context>
<context>
    <name>MembersPanel</name>
    <message>
        <source>Group info</source>
        <translation>Gruppeninfo</translation>
    </message>
    <message>
        <source>Chat info</source>
        <translation>Chatinfo</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Group name</source>
        <translation>Gruppenname</translation>
    </message>
    <message>
        <source>Rename group</source>
        <translation>Gruppe umbenennen</translation>
    </message>
    <message>
        <source>Add a member</source>
        <translation>Mitglied hinzufügen</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Username to add</source>
        <translation>Hinzuzufügender Benutzername</translation>
    </message>
    <message>
        <source>Add to group</source>
        <translation>Zur Gruppe hinzufügen</translation>
    </message>
    <message>
        <source>Members · %1</source>
        <translation>Mitglieder · %1</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>Leave group</source>
        <translation>Gruppe verlassen</translation>
    </message>
    <message>
        <source>Remove admin rights</source>
        <translation>Adminrechte entziehen</translation>
    </message>
    <message>
        <source>Make admin</source>
        <translation>Zum Admin machen</translation>
    </message>
    <message>
        <source>Remove %1 from the group</source>
        <translation>%1 aus der Gruppe entfernen</translation>
    </message>
    <message>
        <source>Report %1…</source>
        <translation>%1 melden …</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>You: %1</source>
        <translation>Du: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>file %1, %2</source>
        <translation>Datei %1, %2</translation>
    </message>
    <message>
        <source>file %1</source>
        <translation>Datei %1</translation>
    </message>
    <message>
        <source>Message actions</source>
        <translation>Aktionen für die Nachricht</translation>
    </message>
    <message>
        <source>Reply to %1: %2</source>
        <translation>Antwort an %1: %2</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>bearbeitet</translation>
    </message>
    <message>
        <source>%1, %2 reactions, including yours</source>
        <translation>%1, %2 Reaktionen, auch deine</translation>
    </message>
    <message>
        <source>%1, %2 reactions</source>
        <translation>%1, %2 Reaktionen</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Nicht gesendet</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Retry sending</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Discard %1</source>
        <translation>%1 verwerfen</translation>
    </message>
    <message>
        <source>Discard this message</source>
        <translation>Diese Nachricht verwerfen</translation>
    </message>
    <message>
        <source>Image %1, %2 × %3 pixels. Open</source>
        <translation>Bild %1, %2 × %3 Pixel. Öffnen</translation>
    </message>
</context>
<context>
    <name>MessageMenu</name>
    <message>
        <source>React with %1</source>
        <translation>Mit %1 reagieren</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>Text kopieren</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Delete for everyone…</source>
        <translation>Für alle löschen …</translation>
    </message>
    <message>
        <source>Report…</source>
        <translation>Melden …</translation>
    </message>
    <message>
        <source>Report this message</source>
        <translation>Diese Nachricht melden</translation>
    </message>
    <message>
        <source>More reactions…</source>
        <translation>Weitere Reaktionen …</translation>
    </message>
    <message>
        <source>React…</source>
        <translation>Reagieren …</translation>
    </message>
    <message>
        <source>React with any emoji</source>
        <translation>Mit einem beliebigen Emoji reagieren</translation>
    </message>
</context>
<context>
    <name>NewChatDialog</name>
    <message>
        <source>New chat</source>
        <translation>Neuer Chat</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet …</translation>
    </message>
    <message>
        <source>Start chat</source>
        <translation>Chat starten</translation>
    </message>
    <message>
        <source>Who do you want to talk to? Search your contacts by name or username, or type any username.</source>
        <translation>Mit wem möchtest du schreiben? Suche in deinen Kontakten nach Name oder Benutzername, oder gib einen beliebigen Benutzernamen ein.</translation>
    </message>
    <message>
        <source>Name or username</source>
        <translation>Name oder Benutzername</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <source>%1, @%2</source>
        <translation>%1, @%2</translation>
    </message>
    <message>
        <source>None of your contacts matches. &quot;Start chat&quot; looks up the username &quot;%1&quot;.</source>
        <translation>Keiner deiner Kontakte passt. „Chat starten“ sucht den Benutzernamen „%1“.</translation>
    </message>
    <message>
        <source>No contacts yet: the people you share a conversation with appear here.</source>
        <translation>Noch keine Kontakte: Hier erscheinen die Menschen, mit denen du eine Unterhaltung teilst.</translation>
    </message>
</context>
<context>
    <name>NewGroupDialog</name>
    <message>
        <source>New group</source>
        <translation>Neue Gruppe</translation>
    </message>
    <message>
        <source>Group name</source>
        <translation>Gruppenname</translation>
    </message>
    <message>
        <source>e.g. Design team</source>
        <translation>z.&#xa0;B. Designteam</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>Usernames, separated by commas</source>
        <translation>Benutzernamen, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Members&apos; usernames</source>
        <translation>Benutzernamen der Mitglieder</translation>
    </message>
    <message>
        <source>You can add people later too.</source>
        <translation>Du kannst auch später noch Leute hinzufügen.</translation>
    </message>
    <message>
        <source>1 person will be added.</source>
        <translation>1 Person wird hinzugefügt.</translation>
    </message>
    <message>
        <source>%1 people will be added.</source>
        <translation>%1 Personen werden hinzugefügt.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>Wird erstellt …</translation>
    </message>
    <message>
        <source>Create group</source>
        <translation>Gruppe erstellen</translation>
    </message>
</context>
<context>
    <name>OutboxPanel</name>
    <message>
        <source>Not sent yet</source>
        <translation>Noch nicht gesendet</translation>
    </message>
    <message>
        <source>Every message has been sent.</source>
        <translation>Alle Nachrichten wurden gesendet.</translation>
    </message>
    <message>
        <source>Messages not sent yet</source>
        <translation>Noch nicht gesendete Nachrichten</translation>
    </message>
    <message>
        <source>To %1: %2, %3</source>
        <translation>An %1: %2, %3</translation>
    </message>
    <message>
        <source>To %1 · %2: %3</source>
        <translation>An %1 · %2: %3</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Retry sending %1</source>
        <translation>%1 erneut senden</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Discard %1</source>
        <translation>%1 verwerfen</translation>
    </message>
    <message>
        <source>Retry all</source>
        <translation>Alle erneut versuchen</translation>
    </message>
</context>
<context>
    <name>Parley::AbuseReporter</name>
    <message>
        <source>You sent many reports recently. Try again in an hour.</source>
        <translation>Du hast in letzter Zeit viele Meldungen gesendet. Versuch es in einer Stunde noch einmal.</translation>
    </message>
    <message>
        <source>That message cannot be reported.</source>
        <translation>Diese Nachricht kann nicht gemeldet werden.</translation>
    </message>
    <message>
        <source>You are no longer a member of this conversation.</source>
        <translation>Du bist kein Mitglied dieser Unterhaltung mehr.</translation>
    </message>
    <message>
        <source>That account does not exist.</source>
        <translation>Dieses Konto gibt es nicht.</translation>
    </message>
    <message>
        <source>No connection to the server. Try again when you are online.</source>
        <translation>Keine Verbindung zum Server. Versuch es noch einmal, wenn du online bist.</translation>
    </message>
    <message>
        <source>The server did not take the report: %1</source>
        <translation>Der Server hat die Meldung nicht angenommen: %1</translation>
    </message>
    <message>
        <source>Choose whom to report.</source>
        <translation>Wähle, wen du melden möchtest.</translation>
    </message>
    <message>
        <source>A report can include at most %1 messages.</source>
        <translation>Eine Meldung kann höchstens %1 Nachrichten enthalten.</translation>
    </message>
    <message>
        <source>Sending the report…</source>
        <translation>Meldung wird gesendet …</translation>
    </message>
    <message>
        <source>Only messages of the person you report can be included.</source>
        <translation>Nur Nachrichten der Person, die du meldest, können enthalten sein.</translation>
    </message>
    <message>
        <source>Report sent. The admins of this server will look at it.</source>
        <translation>Meldung gesendet. Die Admins dieses Servers sehen sie sich an.</translation>
    </message>
</context>
<context>
    <name>Parley::Account</name>
    <message>
        <source>The server&apos;s certificate has changed.</source>
        <translation>Das Zertifikat des Servers hat sich geändert.</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
</context>
<context>
    <name>Parley::Attachments</name>
    <message>
        <source>&quot;%1&quot; is too large to send: %2.</source>
        <translation>„%1“ ist zu groß zum Senden: %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was not sent: %2.</source>
        <translation>„%1“ wurde nicht gesendet: %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is no longer on the server.</source>
        <translation>„%1“ ist nicht mehr auf dem Server.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be transferred: you are not a member of this chat.</source>
        <translation>„%1“ kann nicht übertragen werden: Du bist kein Mitglied dieses Chats.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; could not be transferred: %2</source>
        <translation>„%1“ konnte nicht übertragen werden: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a file.</source>
        <translation>„%1“ ist keine Datei.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be read: %2</source>
        <translation>„%1“ kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
</context>
<context>
    <name>Parley::CacheUnlock</name>
    <message>
        <source>Parley cannot read this profile&apos;s keys, so it cannot open its encrypted local cache.</source>
        <translation>Parley kann die Schlüssel dieses Profils nicht lesen und daher seinen verschlüsselten lokalen Zwischenspeicher nicht öffnen.</translation>
    </message>
    <message>
        <source>The cache key this profile keeps is damaged, so Parley cannot open its local cache.</source>
        <translation>Der Schlüssel des Zwischenspeichers in diesem Profil ist beschädigt, daher kann Parley seinen lokalen Zwischenspeicher nicht öffnen.</translation>
    </message>
    <message>
        <source>The key of the encrypted local cache is missing from this profile&apos;s keys, so Parley cannot open it. Nothing was deleted; remove the profile folder&apos;s cache.sqlite to start with an empty cache.</source>
        <translation>Der Schlüssel des verschlüsselten lokalen Zwischenspeichers fehlt unter den Schlüsseln dieses Profils, daher kann Parley ihn nicht öffnen. Nichts wurde gelöscht; entferne cache.sqlite im Profilordner, um mit einem leeren Zwischenspeicher zu beginnen.</translation>
    </message>
</context>
<context>
    <name>Parley::Chat</name>
    <message>
        <source>That message cannot be changed any more.</source>
        <translation>Diese Nachricht kann nicht mehr geändert werden.</translation>
    </message>
    <message>
        <source>Only your own messages can be edited or deleted.</source>
        <translation>Nur deine eigenen Nachrichten lassen sich bearbeiten oder löschen.</translation>
    </message>
    <message>
        <source>That cannot be sent.</source>
        <translation>Das kann nicht gesendet werden.</translation>
    </message>
    <message>
        <source>Only files on this computer can be sent (%1).</source>
        <translation>Nur Dateien auf diesem Computer können gesendet werden (%1).</translation>
    </message>
    <message>
        <source>That message has no file to download.</source>
        <translation>Zu dieser Nachricht gibt es keine Datei zum Herunterladen.</translation>
    </message>
    <message>
        <source>That file is not on this computer: download it first.</source>
        <translation>Diese Datei ist nicht auf diesem Computer: Lade sie zuerst herunter.</translation>
    </message>
    <message>
        <source>%1 is no longer there. Download it again.</source>
        <translation>%1 ist nicht mehr da. Lade die Datei erneut herunter.</translation>
    </message>
    <message>
        <source>No application could open %1.</source>
        <translation>Keine Anwendung konnte %1 öffnen.</translation>
    </message>
    <message>
        <source>A role is &quot;member&quot; or &quot;admin&quot;.</source>
        <translation>Eine Rolle ist „member“ oder „admin“.</translation>
    </message>
    <message>
        <source>Files can only be saved on this computer (%1).</source>
        <translation>Dateien können nur auf diesem Computer gespeichert werden (%1).</translation>
    </message>
    <message>
        <source>%1 cannot be replaced.</source>
        <translation>%1 kann nicht ersetzt werden.</translation>
    </message>
    <message>
        <source>The file could not be saved as %1.</source>
        <translation>Die Datei konnte nicht als %1 gespeichert werden.</translation>
    </message>
</context>
<context>
    <name>Parley::Client</name>
    <message>
        <source>The server&apos;s certificate has changed since you first connected. This can mean someone is intercepting the connection, or the server got a new certificate. Compare the fingerprint with the server&apos;s administrator before you accept it.
Pinned:    %1
Presented: %2</source>
        <translation>Das Zertifikat des Servers hat sich seit deiner ersten Verbindung geändert. Das kann bedeuten, dass jemand die Verbindung abfängt, oder dass der Server ein neues Zertifikat bekommen hat. Vergleiche den Fingerabdruck mit der Administration des Servers, bevor du ihn annimmst.
Gespeichert: %1
Vorgelegt:   %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid profile name.</source>
        <translation>„%1“ ist kein gültiger Profilname.</translation>
    </message>
    <message>
        <source>Cannot create the data folder %1.</source>
        <translation>Der Datenordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot open the local cache: %1</source>
        <translation>Der lokale Zwischenspeicher kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>--demo-login takes USER:PASSWORD.</source>
        <translation>--demo-login erwartet BENUTZER:PASSWORT.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a server address.</source>
        <translation>„%1“ ist keine Serveradresse.</translation>
    </message>
    <message>
        <source>This computer keeps the history of %1. Log in as that account and choose Log out, then Erase everything, or use another profile.</source>
        <translation>Auf diesem Computer liegt der Verlauf von %1. Melde dich mit diesem Konto an und wähle „Abmelden“ und dann „Alles löschen“, oder verwende ein anderes Profil.</translation>
    </message>
    <message>
        <source>Not connected: you did not trust the server&apos;s certificate.</source>
        <translation>Nicht verbunden: Du hast dem Zertifikat des Servers nicht vertraut.</translation>
    </message>
    <message>
        <source>A display name has at most %1 characters.</source>
        <translation>Ein Anzeigename hat höchstens %1 Zeichen.</translation>
    </message>
    <message>
        <source>That picture cannot be used: choose a JPEG, PNG, GIF or WebP image.</source>
        <translation>Dieses Bild lässt sich nicht verwenden: Wähle ein JPEG-, PNG-, GIF- oder WebP-Bild.</translation>
    </message>
    <message>
        <source>No system keychain is available, so what Parley keeps on this computer lasts only until you quit, unless you protect it with a passphrase.</source>
        <translation>Kein Schlüsselbund des Systems ist verfügbar, daher bleibt das, was Parley auf diesem Computer aufbewahrt, nur bis zum Beenden erhalten, es sei denn, du schützt es mit einer Passphrase.</translation>
    </message>
    <message>
        <source>Sign in to export your conversations.</source>
        <translation>Melde dich an, um deine Unterhaltungen zu exportieren.</translation>
    </message>
    <message>
        <source>Choose a folder on this computer.</source>
        <translation>Wähle einen Ordner auf diesem Computer.</translation>
    </message>
    <message>
        <source>New messages exported: %1.</source>
        <translation>Neue Nachrichten exportiert: %1.</translation>
    </message>
    <message>
        <source>Sign in to import conversations.</source>
        <translation>Melde dich an, um Unterhaltungen zu importieren.</translation>
    </message>
    <message>
        <source>Choose a file on this computer.</source>
        <translation>Wähle eine Datei auf diesem Computer.</translation>
    </message>
    <message>
        <source>New messages imported: %1.</source>
        <translation>Neue Nachrichten importiert: %1.</translation>
    </message>
</context>
<context>
    <name>Parley::Connection</name>
    <message>
        <source>No server address.</source>
        <translation>Keine Serveradresse.</translation>
    </message>
    <message>
        <source>The connection was lost.</source>
        <translation>Die Verbindung wurde unterbrochen.</translation>
    </message>
    <message>
        <source>Not connected to the server.</source>
        <translation>Nicht mit dem Server verbunden.</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet.</translation>
    </message>
</context>
<context>
    <name>Parley::ConversationExport</name>
    <message>
        <source>Cannot make the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>There is no such conversation to export.</source>
        <translation>Diese Unterhaltung gibt es nicht zum Exportieren.</translation>
    </message>
    <message>
        <source>Cannot write into the folder %1.</source>
        <translation>In den Ordner %1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Cannot copy %1 into the folder %2.</source>
        <translation>%1 kann nicht in den Ordner %2 kopiert werden.</translation>
    </message>
</context>
<context>
    <name>Parley::ConversationListModel</name>
    <message>
        <source>(just you)</source>
        <translation>(nur du)</translation>
    </message>
</context>
<context>
    <name>Parley::ConversationSecurity</name>
    <message>
        <source>The safety number with %1 has changed: %1 may have reinstalled Parley, or someone may be trying to listen in. Compare safety numbers, then acknowledge the change; until then your messages here wait.</source>
        <translation>Die Sicherheitsnummer mit %1 hat sich geändert: %1 hat Parley vielleicht neu installiert, oder jemand versucht mitzulesen. Vergleiche eure Sicherheitsnummern und bestätige dann die Änderung; bis dahin warten deine Nachrichten hier.</translation>
    </message>
    <message>
        <source>The safety numbers with %1 have changed. Compare safety numbers, then acknowledge the changes; until then your messages here wait.</source>
        <translation>Die Sicherheitsnummern mit %1 haben sich geändert. Vergleiche eure Sicherheitsnummern und bestätige dann die Änderungen; bis dahin warten deine Nachrichten hier.</translation>
    </message>
</context>
<context>
    <name>Parley::DeviceDirectory</name>
    <message>
        <source>The device list could not be stored.</source>
        <translation>Die Geräteliste konnte nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>The key store is not open.</source>
        <translation>Der Schlüsselspeicher ist nicht geöffnet.</translation>
    </message>
</context>
<context>
    <name>Parley::EmojiModel</name>
    <message>
        <source>Recently used</source>
        <translation>Zuletzt verwendet</translation>
    </message>
</context>
<context>
    <name>Parley::EndToEndEncryption</name>
    <message>
        <source>This device has no identity key yet.</source>
        <translation>Dieses Gerät hat noch keinen Identitätsschlüssel.</translation>
    </message>
    <message>
        <source>This contact has no device with keys yet.</source>
        <translation>Dieser Kontakt hat noch kein Gerät mit Schlüsseln.</translation>
    </message>
    <message>
        <source>End-to-end encryption is not running.</source>
        <translation>Die Ende-zu-Ende-Verschlüsselung läuft nicht.</translation>
    </message>
</context>
<context>
    <name>Parley::HistoryBackup</name>
    <message>
        <source>%1 is not a Parley backup, or it is damaged.</source>
        <translation>%1 ist keine Parley-Sicherung oder ist beschädigt.</translation>
    </message>
    <message>
        <source>%1 was made by a newer Parley. Update Parley to restore it.</source>
        <translation>%1 wurde von einem neueren Parley erstellt. Aktualisiere Parley, um sie wiederherzustellen.</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>%1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Cannot write %1. Is there room on the disk, and may Parley write there?</source>
        <translation>%1 kann nicht geschrieben werden. Ist genug Platz auf dem Datenträger, und darf Parley dort schreiben?</translation>
    </message>
    <message>
        <source>Sign in to back up your conversations.</source>
        <translation>Melde dich an, um deine Unterhaltungen zu sichern.</translation>
    </message>
    <message>
        <source>Choose a file on this computer.</source>
        <translation>Wähle eine Datei auf diesem Computer.</translation>
    </message>
    <message>
        <source>Choose where to keep the backup first.</source>
        <translation>Wähle zuerst, wo die Sicherung liegen soll.</translation>
    </message>
    <message>
        <source>The backup %1 is gone. Choose where to keep a new one.</source>
        <translation>Die Sicherung %1 ist nicht mehr da. Wähle, wo eine neue liegen soll.</translation>
    </message>
    <message>
        <source>%1 is now another backup. Choose where to keep a new one.</source>
        <translation>%1 ist jetzt eine andere Sicherung. Wähle, wo eine neue liegen soll.</translation>
    </message>
    <message>
        <source>Backed up: %1 new messages.</source>
        <translation>Gesichert: %1 neue Nachrichten.</translation>
    </message>
    <message>
        <source>Sign in to restore a backup.</source>
        <translation>Melde dich an, um eine Sicherung wiederherzustellen.</translation>
    </message>
    <message>
        <source>Type the backup&apos;s passphrase or backup key.</source>
        <translation>Gib die Passphrase oder den Sicherungsschlüssel der Sicherung ein.</translation>
    </message>
    <message>
        <source>That is not this backup&apos;s passphrase or backup key.</source>
        <translation>Das ist weder die Passphrase noch der Sicherungsschlüssel dieser Sicherung.</translation>
    </message>
    <message>
        <source>That is not this backup&apos;s backup key.</source>
        <translation>Das ist nicht der Sicherungsschlüssel dieser Sicherung.</translation>
    </message>
    <message>
        <source>This backup holds the history of %1, not of %2.</source>
        <translation>Diese Sicherung enthält den Verlauf von %1, nicht von %2.</translation>
    </message>
    <message>
        <source>Restored: %1 messages new to this computer.</source>
        <translation>Wiederhergestellt: %1 Nachrichten, die auf diesem Computer neu sind.</translation>
    </message>
</context>
<context>
    <name>Parley::HistoryImport</name>
    <message>
        <source>This export is of a newer version of Parley.</source>
        <translation>Dieser Export stammt von einer neueren Version von Parley.</translation>
    </message>
    <message>
        <source>%1 is missing from the export or damaged.</source>
        <translation>%1 fehlt im Export oder ist beschädigt.</translation>
    </message>
    <message>
        <source>%1 is not a Parley export (export.json or a conversation&apos;s JSON file).</source>
        <translation>%1 ist kein Parley-Export (export.json oder die JSON-Datei einer Unterhaltung).</translation>
    </message>
</context>
<context>
    <name>Parley::KeyChangeList</name>
    <message>
        <source>The key change could not be acknowledged.</source>
        <translation>Die Schlüsseländerung konnte nicht bestätigt werden.</translation>
    </message>
</context>
<context>
    <name>Parley::KeyVault</name>
    <message>
        <source>This device&apos;s encryption keys were written by a newer Parley.</source>
        <translation>Die Verschlüsselungsschlüssel dieses Geräts stammen von einer neueren Parley-Version.</translation>
    </message>
    <message>
        <source>This device&apos;s encryption keys cannot be opened (%1).</source>
        <translation>Die Verschlüsselungsschlüssel dieses Geräts lassen sich nicht öffnen (%1).</translation>
    </message>
    <message>
        <source>The local cache cannot be read.</source>
        <translation>Der lokale Zwischenspeicher kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The storage key this profile keeps does not open this device&apos;s encryption keys, so Parley cannot read or send messages here. Log out and log in again to set this device up anew.</source>
        <translation>Der Speicherschlüssel dieses Profils öffnet die Verschlüsselungsschlüssel dieses Geräts nicht, daher kann Parley hier keine Nachrichten lesen oder senden. Melde dich ab und wieder an, um dieses Gerät neu einzurichten.</translation>
    </message>
    <message>
        <source>Parley cannot read this profile&apos;s keys, so it cannot unlock this device&apos;s encryption keys.</source>
        <translation>Parley kann die Schlüssel dieses Profils nicht lesen und daher die Verschlüsselungsschlüssel dieses Geräts nicht entsperren.</translation>
    </message>
    <message>
        <source>The key that protects this device&apos;s encryption keys is missing from this profile, so Parley cannot read or send messages here. Log out and log in again to set this device up anew; messages received before cannot be read again.</source>
        <translation>Der Schlüssel, der die Verschlüsselungsschlüssel dieses Geräts schützt, fehlt in diesem Profil, daher kann Parley hier keine Nachrichten lesen oder senden. Melde dich ab und wieder an, um dieses Gerät neu einzurichten; zuvor empfangene Nachrichten können nicht mehr gelesen werden.</translation>
    </message>
</context>
<context>
    <name>Parley::MessageContent</name>
    <message>
        <source>(a message this version cannot show)</source>
        <translation>(eine Nachricht, die diese Version nicht anzeigen kann)</translation>
    </message>
</context>
<context>
    <name>Parley::MessageListModel</name>
    <message>
        <source>This message was deleted</source>
        <translation>Diese Nachricht wurde gelöscht</translation>
    </message>
    <message>
        <source>An earlier message</source>
        <translation>Eine frühere Nachricht</translation>
    </message>
    <message>
        <source>A message</source>
        <translation>Eine Nachricht</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
    <message>
        <source>Waiting for the key to this message. Your device that sent it was asked to send it again; the message appears here when it arrives.</source>
        <translation>Warte auf den Schlüssel zu dieser Nachricht. Dein Gerät, das sie gesendet hat, wurde gebeten, ihn erneut zu senden; die Nachricht erscheint hier, sobald er ankommt.</translation>
    </message>
    <message>
        <source>Waiting for the key to this message. %1&apos;s device was asked to send it again; the message appears here when it arrives.</source>
        <translation>Warte auf den Schlüssel zu dieser Nachricht. Das Gerät von %1 wurde gebeten, ihn erneut zu senden; die Nachricht erscheint hier, sobald er ankommt.</translation>
    </message>
    <message>
        <source>Waiting for the key to this message. The sender&apos;s device was asked to send it again; the message appears here when it arrives.</source>
        <translation>Warte auf den Schlüssel zu dieser Nachricht. Das Gerät des Absenders wurde gebeten, ihn erneut zu senden; die Nachricht erscheint hier, sobald er ankommt.</translation>
    </message>
</context>
<context>
    <name>Parley::MessageStore</name>
    <message>
        <source>This message was deleted</source>
        <translation>Diese Nachricht wurde gelöscht</translation>
    </message>
</context>
<context>
    <name>Parley::NewMessageNotifier</name>
    <message>
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message>
        <source>New message from %1</source>
        <translation>Neue Nachricht von %1</translation>
    </message>
    <message>
        <source>%1 mentioned you in %2</source>
        <translation>%1 hat dich in %2 erwähnt</translation>
    </message>
    <message>
        <source>%1 mentioned you</source>
        <translation>%1 hat dich erwähnt</translation>
    </message>
</context>
<context>
    <name>Parley::Notifier</name>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
</context>
<context>
    <name>Parley::OutboxListModel</name>
    <message>
        <source>Your profile</source>
        <translation>Dein Profil</translation>
    </message>
</context>
<context>
    <name>Parley::PendingDecryptions</name>
    <message>
        <source>Sent before this device could read this person&apos;s messages. Restoring a backup, or importing an export from another of your devices, brings it here.</source>
        <translation>Gesendet, bevor dieses Gerät die Nachrichten dieser Person lesen konnte. Eine wiederhergestellte Sicherung oder ein Import eines Exports von einem anderen deiner Geräte bringt sie hierher.</translation>
    </message>
    <message>
        <source>A repeated copy of an earlier message: the original is shown where it was first sent.</source>
        <translation>Eine wiederholte Kopie einer früheren Nachricht: Das Original steht dort, wo es zuerst gesendet wurde.</translation>
    </message>
    <message>
        <source>This message is damaged and cannot be decrypted. Ask the sender to send it again.</source>
        <translation>Diese Nachricht ist beschädigt und kann nicht entschlüsselt werden. Bitte den Absender, sie noch einmal zu senden.</translation>
    </message>
</context>
<context>
    <name>Parley::ProfileSecrets</name>
    <message>
        <source>The profile is locked.</source>
        <translation>Das Profil ist gesperrt.</translation>
    </message>
    <message>
        <source>That passphrase is not right.</source>
        <translation>Diese Passphrase stimmt nicht.</translation>
    </message>
    <message>
        <source>Parley cannot write the file that keeps this profile&apos;s keys.</source>
        <translation>Parley kann die Datei mit den Schlüsseln dieses Profils nicht schreiben.</translation>
    </message>
    <message>
        <source>This profile was written by a newer Parley.</source>
        <translation>Dieses Profil wurde von einem neueren Parley geschrieben.</translation>
    </message>
    <message>
        <source>The file that keeps this profile&apos;s keys (%1) is damaged.</source>
        <translation>Die Datei mit den Schlüsseln dieses Profils (%1) ist beschädigt.</translation>
    </message>
    <message>
        <source>Parley cannot use the system keychain: %1</source>
        <translation>Parley kann den Schlüsselbund des Systems nicht verwenden: %1</translation>
    </message>
    <message>
        <source>The system keychain no longer has this profile&apos;s key.</source>
        <translation>Der Schlüsselbund des Systems enthält den Schlüssel dieses Profils nicht mehr.</translation>
    </message>
    <message>
        <source>The key in the system keychain does not open this profile.</source>
        <translation>Der Schlüssel im Schlüsselbund des Systems öffnet dieses Profil nicht.</translation>
    </message>
    <message>
        <source>The key does not open this profile.</source>
        <translation>Der Schlüssel öffnet dieses Profil nicht.</translation>
    </message>
    <message>
        <source>A recovery key has 52 letters and digits, in groups of four.</source>
        <translation>Ein Wiederherstellungsschlüssel hat 52 Buchstaben und Ziffern in Vierergruppen.</translation>
    </message>
    <message>
        <source>That recovery key is not this profile&apos;s.</source>
        <translation>Dieser Wiederherstellungsschlüssel gehört nicht zu diesem Profil.</translation>
    </message>
    <message>
        <source>The passphrase cannot be empty.</source>
        <translation>Die Passphrase darf nicht leer sein.</translation>
    </message>
    <message>
        <source>Keep the key in the system keychain first: without it, the passphrase is what opens Parley.</source>
        <translation>Bewahre den Schlüssel zuerst im Schlüsselbund des Systems auf: Ohne ihn ist die Passphrase das, was Parley öffnet.</translation>
    </message>
    <message>
        <source>Set a passphrase first: it is what will open Parley.</source>
        <translation>Lege zuerst eine Passphrase fest: Sie wird Parley öffnen.</translation>
    </message>
</context>
<context>
    <name>Parley::SealedCache</name>
    <message>
        <source>The encryption of the local cache is not available.</source>
        <translation>Die Verschlüsselung des lokalen Zwischenspeichers ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>The key in the system keychain does not open the local cache. Nothing was changed.</source>
        <translation>Der Schlüssel im Schlüsselbund des Systems öffnet den lokalen Zwischenspeicher nicht. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The local cache cannot be opened: %1</source>
        <translation>Der lokale Zwischenspeicher kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>The cache&apos;s key cannot be used.</source>
        <translation>Der Schlüssel des Zwischenspeichers kann nicht verwendet werden.</translation>
    </message>
    <message>
        <source>The local cache could not be encrypted: %1</source>
        <translation>Der lokale Zwischenspeicher konnte nicht verschlüsselt werden: %1</translation>
    </message>
</context>
<context>
    <name>Parley::SenderKeyContentCipher</name>
    <message>
        <source>End-to-end encryption is not running.</source>
        <translation>Die Ende-zu-Ende-Verschlüsselung läuft nicht.</translation>
    </message>
</context>
<context>
    <name>Parley::SenderKeyDistributor</name>
    <message>
        <source>Logged out.</source>
        <translation>Abgemeldet.</translation>
    </message>
    <message>
        <source>The key store is not open.</source>
        <translation>Der Schlüsselspeicher ist nicht geöffnet.</translation>
    </message>
    <message>
        <source>The key store could not be written.</source>
        <translation>Der Schlüsselspeicher konnte nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>Parley::StateText</name>
    <message>
        <source>Waiting to send</source>
        <translation>Wartet auf Versand</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Zugestellt</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Gelesen</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Nicht gesendet</translation>
    </message>
    <message>
        <source>being sent</source>
        <translation>wird gesendet</translation>
    </message>
    <message>
        <source>no connection to the server</source>
        <translation>keine Verbindung zum Server</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Eigentümer</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Mitglied</translation>
    </message>
    <message>
        <source>you are no longer a member of this conversation</source>
        <translation>du bist kein Mitglied dieser Unterhaltung mehr</translation>
    </message>
    <message>
        <source>you cannot write to this person</source>
        <translation>du kannst dieser Person nicht schreiben</translation>
    </message>
    <message>
        <source>it is larger than the server accepts</source>
        <translation>sie ist größer, als der Server annimmt</translation>
    </message>
    <message>
        <source>your space for files on the server is used up</source>
        <translation>dein Speicherplatz für Dateien auf dem Server ist aufgebraucht</translation>
    </message>
    <message>
        <source>your role does not allow it</source>
        <translation>deine Rolle erlaubt das nicht</translation>
    </message>
    <message>
        <source>the server refused it</source>
        <translation>der Server hat sie abgelehnt</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde …</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <source>Logged out</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <source>Signed out: this device was removed by the server&apos;s admin (or from another of your devices). Your history and unsent messages are kept on this computer.</source>
        <translation>Abgemeldet: Dieses Gerät wurde von der Administration des Servers (oder von einem deiner anderen Geräte) entfernt. Dein Verlauf und nicht gesendete Nachrichten bleiben auf diesem Computer.</translation>
    </message>
    <message>
        <source>Signed out: the account is disabled. Your history and unsent messages are kept on this computer.</source>
        <translation>Abgemeldet: Das Konto ist deaktiviert. Dein Verlauf und nicht gesendete Nachrichten bleiben auf diesem Computer.</translation>
    </message>
    <message>
        <source>Signed out: the server does not know this device. Your history and unsent messages are kept on this computer.</source>
        <translation>Abgemeldet: Der Server kennt dieses Gerät nicht. Dein Verlauf und nicht gesendete Nachrichten bleiben auf diesem Computer.</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>jemand</translation>
    </message>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 schreibt …</translation>
    </message>
    <message>
        <source>%1 and %2 are typing…</source>
        <translation>%1 und %2 schreiben …</translation>
    </message>
    <message>
        <source>Several people are typing…</source>
        <translation>Mehrere Leute schreiben …</translation>
    </message>
</context>
<context>
    <name>Parley::SystemText</name>
    <message>
        <source>someone</source>
        <translation>jemand</translation>
    </message>
    <message>
        <source>%1 started the conversation</source>
        <translation>%1 hat die Unterhaltung begonnen</translation>
    </message>
    <message>
        <source>%1 created the group “%2”</source>
        <translation>%1 hat die Gruppe „%2“ erstellt</translation>
    </message>
    <message>
        <source>%1 added %2</source>
        <translation>%1 hat %2 hinzugefügt</translation>
    </message>
    <message>
        <source>%1 removed %2</source>
        <translation>%1 hat %2 entfernt</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>%1 hat die Gruppe verlassen</translation>
    </message>
    <message>
        <source>%1 made %2 an admin</source>
        <translation>%1 hat %2 zum Admin gemacht</translation>
    </message>
    <message>
        <source>%1 made %2 a member</source>
        <translation>%1 hat %2 zum Mitglied gemacht</translation>
    </message>
    <message>
        <source>%1 renamed the group to “%2”</source>
        <translation>%1 hat die Gruppe in „%2“ umbenannt</translation>
    </message>
    <message>
        <source>%1 turned off disappearing messages</source>
        <translation>%1 hat verschwindende Nachrichten ausgeschaltet</translation>
    </message>
    <message>
        <source>%1 set disappearing messages to %2</source>
        <translation>%1 hat verschwindende Nachrichten auf %2 gestellt</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>5 seconds</source>
        <translation>5 Sekunden</translation>
    </message>
    <message>
        <source>5 minutes</source>
        <translation>5 Minuten</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <source>1 week</source>
        <translation>1 Woche</translation>
    </message>
    <message>
        <source>4 weeks</source>
        <translation>4 Wochen</translation>
    </message>
    <message>
        <source>%1 seconds</source>
        <translation>%1 Sekunden</translation>
    </message>
    <message>
        <source>%1 added a new device. Your safety number with %1 changed, so %1 is no longer marked as verified.</source>
        <translation>%1 hat ein neues Gerät hinzugefügt. Deine Sicherheitsnummer mit %1 hat sich geändert, daher ist %1 nicht mehr als verifiziert markiert.</translation>
    </message>
    <message>
        <source>%1 added a new device.</source>
        <translation>%1 hat ein neues Gerät hinzugefügt.</translation>
    </message>
    <message>
        <source>%1&apos;s safety number changed, so %1 is no longer marked as verified.</source>
        <translation>Die Sicherheitsnummer von %1 hat sich geändert, daher ist %1 nicht mehr als verifiziert markiert.</translation>
    </message>
    <message>
        <source>%1&apos;s safety number changed.</source>
        <translation>Die Sicherheitsnummer von %1 hat sich geändert.</translation>
    </message>
    <message>
        <source>Your safety number with %1 changed, so %1 is no longer marked as verified.</source>
        <translation>Deine Sicherheitsnummer mit %1 hat sich geändert, daher ist %1 nicht mehr als verifiziert markiert.</translation>
    </message>
    <message>
        <source>Your safety number with %1 changed.</source>
        <translation>Deine Sicherheitsnummer mit %1 hat sich geändert.</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Change the passphrase</source>
        <translation>Passphrase ändern</translation>
    </message>
    <message>
        <source>Protect Parley with a passphrase</source>
        <translation>Parley mit einer Passphrase schützen</translation>
    </message>
    <message>
        <source>The passphrase opens your history and keys on this computer when the system keychain cannot. Parley cannot recover it for you; your recovery key still works if you forget it.</source>
        <translation>Die Passphrase öffnet deinen Verlauf und deine Schlüssel auf diesem Computer, wenn der Schlüsselbund des Systems es nicht kann. Parley kann sie nicht für dich wiederherstellen; dein Wiederherstellungsschlüssel funktioniert weiterhin, wenn du sie vergisst.</translation>
    </message>
    <message>
        <source>Passphrase (at least 8 characters)</source>
        <translation>Passphrase (mindestens 8 Zeichen)</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>The same passphrase again</source>
        <translation>Dieselbe Passphrase noch einmal</translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation>Passphrase wiederholen</translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>Die beiden Passphrasen stimmen nicht überein.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Set passphrase</source>
        <translation>Passphrase festlegen</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>the keychain is locked or refused access</source>
        <translation>der Schlüsselbund ist gesperrt oder hat den Zugriff verweigert</translation>
    </message>
    <message>
        <source>no keychain service is available</source>
        <translation>kein Schlüsselbund-Dienst verfügbar</translation>
    </message>
    <message>
        <source>Parley cannot use the system keychain (%1), so it cannot remember this login.</source>
        <translation>Parley kann den Schlüsselbund des Systems nicht verwenden (%1) und sich diese Anmeldung daher nicht merken.</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>Your recovery key</source>
        <translation>Dein Wiederherstellungsschlüssel</translation>
    </message>
    <message>
        <source>Write this key down and keep it somewhere safe, away from this computer. If the system keychain loses Parley&apos;s key and you have no passphrase (or forgot it), this key is the only way to open your history here.</source>
        <translation>Schreib diesen Schlüssel auf und bewahre ihn sicher auf, nicht bei diesem Computer. Verliert der Schlüsselbund des Systems den Schlüssel von Parley und hast du keine Passphrase (oder hast sie vergessen), ist dieser Schlüssel der einzige Weg, deinen Verlauf hier zu öffnen.</translation>
    </message>
    <message>
        <source>Recovery key: %1</source>
        <translation>Wiederherstellungsschlüssel: %1</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Später</translation>
    </message>
    <message>
        <source>I have written it down</source>
        <translation>Ich habe ihn aufgeschrieben</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the recovery key</source>
        <translation>Wiederherstellungsschlüssel kopieren</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Report message</source>
        <translation>Nachricht melden</translation>
    </message>
    <message>
        <source>Report %1</source>
        <translation>%1 melden</translation>
    </message>
    <message>
        <source>Why are you reporting %1?</source>
        <translation>Warum meldest du %1?</translation>
    </message>
    <message>
        <source>Spam or scam</source>
        <translation>Spam oder Betrug</translation>
    </message>
    <message>
        <source>Harassment or threats</source>
        <translation>Belästigung oder Drohungen</translation>
    </message>
    <message>
        <source>Illegal content</source>
        <translation>Illegale Inhalte</translation>
    </message>
    <message>
        <source>Something else</source>
        <translation>Etwas anderes</translation>
    </message>
    <message>
        <source>Anything the admins should know (optional)</source>
        <translation>Was die Admins wissen sollten (optional)</translation>
    </message>
    <message>
        <source>Comment for the admins</source>
        <translation>Kommentar für die Admins</translation>
    </message>
    <message>
        <source>The selected message&apos;s text will be sent to the admins of this server, with your name, %1&apos;s name, this conversation and your comment. Nothing else from the conversation is sent, and %1 is not told.</source>
        <translation>Der Text der ausgewählten Nachricht wird an die Admins dieses Servers gesendet, zusammen mit deinem Namen, dem Namen von %1, dieser Unterhaltung und deinem Kommentar. Sonst wird nichts aus der Unterhaltung gesendet, und %1 erfährt nichts davon.</translation>
    </message>
    <message>
        <source>Your name, %1&apos;s name and your comment will be sent to the admins of this server. No message text is sent, and %1 is not told.</source>
        <translation>Dein Name, der Name von %1 und dein Kommentar werden an die Admins dieses Servers gesendet. Es wird kein Nachrichtentext gesendet, und %1 erfährt nichts davon.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet …</translation>
    </message>
    <message>
        <source>Send report</source>
        <translation>Meldung senden</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore a backup</source>
        <translation>Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>Type the passphrase you chose for this backup, or its backup key. Messages this computer has already stay as they are.</source>
        <translation>Gib die Passphrase ein, die du für diese Sicherung gewählt hast, oder ihren Sicherungsschlüssel. Nachrichten, die dieser Computer schon hat, bleiben, wie sie sind.</translation>
    </message>
    <message>
        <source>Passphrase or backup key</source>
        <translation>Passphrase oder Sicherungsschlüssel</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
</context>
<context>
    <name>SafetyNumberDialog</name>
    <message>
        <source>Safety number with %1</source>
        <translation>Sicherheitsnummer mit %1</translation>
    </message>
    <message>
        <source>%1&apos;s security keys have changed. This happens when %1 reinstalls Parley, but it can also mean someone is trying to read your messages. Compare the numbers before you continue.</source>
        <translation>Die Sicherheitsschlüssel von %1 haben sich geändert. Das passiert, wenn %1 Parley neu installiert, kann aber auch bedeuten, dass jemand versucht, deine Nachrichten zu lesen. Vergleiche die Nummern, bevor du weitermachst.</translation>
    </message>
    <message>
        <source>Compare these numbers with the ones %1 sees. If they match, your messages reach only %1&apos;s devices.</source>
        <translation>Vergleiche diese Nummern mit denen, die %1 sieht. Stimmen sie überein, erreichen deine Nachrichten nur die Geräte von %1.</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Wird berechnet …</translation>
    </message>
    <message numerus="yes">
        <source>Covers %n of %1&apos;s devices.</source>
        <translation>
            <numerusform>Gilt für %n Gerät von %1.</numerusform>
            <numerusform>Gilt für %n Geräte von %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Erneut prüfen</translation>
    </message>
    <message>
        <source>Acknowledge the change</source>
        <translation>Änderung bestätigen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>The safety number with %1 as a QR code</source>
        <translation>Die Sicherheitsnummer mit %1 als QR-Code</translation>
    </message>
    <message>
        <source>You marked %1 as verified. If %1&apos;s keys change, the mark goes away.</source>
        <translation>Du hast %1 als verifiziert markiert. Ändern sich die Schlüssel von %1, verschwindet die Markierung.</translation>
    </message>
    <message>
        <source>%1 is not verified.</source>
        <translation>%1 ist nicht verifiziert.</translation>
    </message>
    <message>
        <source>Clear verification</source>
        <translation>Verifizierung aufheben</translation>
    </message>
    <message>
        <source>Mark as verified</source>
        <translation>Als verifiziert markieren</translation>
    </message>
</context>
<context>
    <name>SettingsDataTab</name>
    <message>
        <source>Export everything into a folder</source>
        <translation>Alles in einen Ordner exportieren</translation>
    </message>
    <message>
        <source>Import an export</source>
        <translation>Einen Export importieren</translation>
    </message>
    <message>
        <source>Parley export (export.json conversation-*.json)</source>
        <translation>Parley-Export (export.json conversation-*.json)</translation>
    </message>
    <message>
        <source>Export your conversations into a folder: a page for each one that any browser opens offline, the files this computer has, and JSON files for other programs. Exporting into the same folder again adds only what is new.</source>
        <translation>Exportiere deine Unterhaltungen in einen Ordner: eine Seite je Unterhaltung, die jeder Browser offline öffnet, die Dateien, die dieser Computer hat, und JSON-Dateien für andere Programme. Ein erneuter Export in denselben Ordner fügt nur Neues hinzu.</translation>
    </message>
    <message>
        <source>Export everything…</source>
        <translation>Alles exportieren …</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importieren …</translation>
    </message>
    <message>
        <source>Importing reads an export&apos;s export.json into this profile; messages it has already are left as they are.</source>
        <translation>Beim Import wird die export.json eines Exports in dieses Profil gelesen; Nachrichten, die es schon hat, bleiben, wie sie sind.</translation>
    </message>
    <message>
        <source>Where to keep the backup</source>
        <translation>Wo die Sicherung liegen soll</translation>
    </message>
    <message>
        <source>Parley backup (*.parley-backup)</source>
        <translation>Parley-Sicherung (*.parley-backup)</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Sicherung</translation>
    </message>
    <message>
        <source>Back up your history into one encrypted file that you keep, and restore it on a new computer after signing in. Later backups to the same file add only what is new.</source>
        <translation>Sichere deinen Verlauf in einer verschlüsselten Datei, die du aufbewahrst, und stelle ihn nach der Anmeldung auf einem neuen Computer wieder her. Spätere Sicherungen in dieselbe Datei fügen nur Neues hinzu.</translation>
    </message>
    <message>
        <source>Last backup: %1, in %2</source>
        <translation>Letzte Sicherung: %1, in %2</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Jetzt sichern</translation>
    </message>
    <message>
        <source>New backup…</source>
        <translation>Neue Sicherung …</translation>
    </message>
    <message>
        <source>Back up…</source>
        <translation>Sichern …</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Wiederherstellen …</translation>
    </message>
    <message>
        <source>Write down your backup key: without it the backup cannot be restored.</source>
        <translation>Notiere deinen Sicherungsschlüssel: Ohne ihn kann die Sicherung nicht wiederhergestellt werden.</translation>
    </message>
    <message>
        <source>Show…</source>
        <translation>Anzeigen …</translation>
    </message>
    <message>
        <source>Show the backup key</source>
        <translation>Sicherungsschlüssel anzeigen</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>This device</source>
        <translation>Dieses Gerät</translation>
    </message>
    <message>
        <source>Device %1</source>
        <translation>Gerät %1</translation>
    </message>
    <message>
        <source>Logging out removes this device from your account; you choose whether its copy of your messages stays on this computer.</source>
        <translation>Beim Abmelden wird dieses Gerät aus deinem Konto entfernt; du entscheidest, ob seine Kopie deiner Nachrichten auf diesem Computer bleibt.</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Every computer where you logged in to Parley. Revoke one you no longer use or do not recognise: it is logged out at once.</source>
        <translation>Alle Computer, auf denen du bei Parley angemeldet bist. Entferne einen, den du nicht mehr nutzt oder nicht kennst: Er wird sofort abgemeldet.</translation>
    </message>
    <message>
        <source>Show a desktop notification for new messages</source>
        <translation>Bei neuen Nachrichten eine Desktop-Benachrichtigung zeigen</translation>
    </message>
    <message>
        <source>Show message text in notifications</source>
        <translation>Nachrichtentext in Benachrichtigungen zeigen</translation>
    </message>
    <message>
        <source>When off, a notification only says who wrote (“New message from alice”), so people near your screen do not read along.</source>
        <translation>Wenn aus, sagt eine Benachrichtigung nur, wer geschrieben hat („Neue Nachricht von alice“), damit niemand in der Nähe deines Bildschirms mitliest.</translation>
    </message>
    <message>
        <source>Muted conversations never notify. Mute or unmute one from its menu or by right-clicking it in the list.</source>
        <translation>Stummgeschaltete Unterhaltungen benachrichtigen nie. Schalte eine über ihr Menü oder per Rechtsklick in der Liste stumm oder wieder ein.</translation>
    </message>
    <message>
        <source>Revoke this device?</source>
        <translation>Dieses Gerät entfernen?</translation>
    </message>
    <message>
        <source>“%1” will be logged out at once and can no longer read new messages.</source>
        <translation>„%1“ wird sofort abgemeldet und kann keine neuen Nachrichten mehr lesen.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Datenschutz</translation>
    </message>
    <message>
        <source>Keep Parley running in the tray when the window is closed</source>
        <translation>Parley beim Schließen des Fensters im Infobereich weiterlaufen lassen</translation>
    </message>
    <message>
        <source>Messages and notifications keep arriving while the window is closed. Quit from the tray icon&apos;s menu or the main menu.</source>
        <translation>Nachrichten und Benachrichtigungen kommen weiter an, während das Fenster geschlossen ist. Beenden über das Menü des Symbols im Infobereich oder das Hauptmenü.</translation>
    </message>
    <message>
        <source>This desktop shows no tray icons, so closing the window quits Parley.</source>
        <translation>Diese Arbeitsumgebung zeigt keine Symbole im Infobereich, daher beendet das Schließen des Fensters Parley.</translation>
    </message>
    <message>
        <source>Blocked people</source>
        <translation>Blockierte Personen</translation>
    </message>
    <message>
        <source>People you block cannot write to you, start a chat with you or add you to a group, and do not see when you are online.</source>
        <translation>Personen, die du blockierst, können dir nicht schreiben, keinen Chat mit dir beginnen, dich keiner Gruppe hinzufügen und nicht sehen, wann du online bist.</translation>
    </message>
    <message>
        <source>You have not blocked anyone.</source>
        <translation>Du hast niemanden blockiert.</translation>
    </message>
    <message>
        <source>User %1</source>
        <translation>Benutzer %1</translation>
    </message>
    <message>
        <source>Unblock</source>
        <translation>Blockierung aufheben</translation>
    </message>
    <message>
        <source>Unblock %1</source>
        <translation>Blockierung von %1 aufheben</translation>
    </message>
    <message>
        <source>Choose a picture</source>
        <translation>Bild auswählen</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.gif *.webp)</source>
        <translation>Bilder (*.jpg *.jpeg *.png *.gif *.webp)</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Choose picture…</source>
        <translation>Bild auswählen …</translation>
    </message>
    <message>
        <source>Choose picture</source>
        <translation>Bild auswählen</translation>
    </message>
    <message>
        <source>Remove picture</source>
        <translation>Bild entfernen</translation>
    </message>
    <message>
        <source>Saved: your contacts will see it.</source>
        <translation>Gespeichert: Deine Kontakte sehen es.</translation>
    </message>
    <message>
        <source>Show when I was last seen</source>
        <translation>Zeigen, wann ich zuletzt online war</translation>
    </message>
    <message>
        <source>If you hide when you were last seen, you will not see when others were last seen either. Whether you are online now stays visible.</source>
        <translation>Wenn du verbirgst, wann du zuletzt online warst, siehst du das auch bei anderen nicht. Ob du gerade online bist, bleibt sichtbar.</translation>
    </message>
    <message>
        <source>You can change this while connected. If you hide when you were last seen, you will not see when others were last seen either.</source>
        <translation>Das lässt sich ändern, während du verbunden bist. Wenn du verbirgst, wann du zuletzt online warst, siehst du das auch bei anderen nicht.</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
</context>
<context>
    <name>SettingsSecurityTab</name>
    <message>
        <source>No system keychain is available and no passphrase is set: what Parley keeps on this computer is forgotten when you quit.</source>
        <translation>Kein Schlüsselbund des Systems ist verfügbar und keine Passphrase festgelegt: Was Parley auf diesem Computer aufbewahrt, wird beim Beenden vergessen.</translation>
    </message>
    <message>
        <source>The system keychain opens Parley when you log in to your computer; your passphrase opens it when the keychain cannot.</source>
        <translation>Der Schlüsselbund des Systems öffnet Parley, wenn du dich an deinem Computer anmeldest; deine Passphrase öffnet es, wenn der Schlüsselbund es nicht kann.</translation>
    </message>
    <message>
        <source>The system keychain opens Parley when you log in to your computer.</source>
        <translation>Der Schlüsselbund des Systems öffnet Parley, wenn du dich an deinem Computer anmeldest.</translation>
    </message>
    <message>
        <source>Parley asks for your passphrase every time it starts.</source>
        <translation>Parley fragt bei jedem Start nach deiner Passphrase.</translation>
    </message>
    <message>
        <source>Keep the key in the system keychain</source>
        <translation>Schlüssel im Schlüsselbund des Systems aufbewahren</translation>
    </message>
    <message>
        <source>Turn this off to be asked for your passphrase at every start, so that nothing on this computer opens Parley without you.</source>
        <translation>Schalte dies aus, um bei jedem Start nach deiner Passphrase gefragt zu werden, damit nichts auf diesem Computer Parley ohne dich öffnet.</translation>
    </message>
    <message>
        <source>To be asked for a passphrase at every start instead, set one first.</source>
        <translation>Um stattdessen bei jedem Start nach einer Passphrase gefragt zu werden, lege zuerst eine fest.</translation>
    </message>
    <message>
        <source>Change passphrase…</source>
        <translation>Passphrase ändern …</translation>
    </message>
    <message>
        <source>Set a passphrase…</source>
        <translation>Passphrase festlegen …</translation>
    </message>
    <message>
        <source>Remove passphrase</source>
        <translation>Passphrase entfernen</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Wiederherstellungsschlüssel</translation>
    </message>
    <message>
        <source>The recovery key opens your history here when both the keychain and the passphrase fail. A new one replaces the old, which stops working.</source>
        <translation>Der Wiederherstellungsschlüssel öffnet deinen Verlauf hier, wenn sowohl der Schlüsselbund als auch die Passphrase versagen. Ein neuer ersetzt den alten, der dann nicht mehr funktioniert.</translation>
    </message>
    <message>
        <source>Make a new recovery key…</source>
        <translation>Neuen Wiederherstellungsschlüssel erstellen …</translation>
    </message>
    <message>
        <source>Make a new recovery key?</source>
        <translation>Neuen Wiederherstellungsschlüssel erstellen?</translation>
    </message>
    <message>
        <source>The recovery key you wrote down will stop working. Write the new one down instead.</source>
        <translation>Der Wiederherstellungsschlüssel, den du aufgeschrieben hast, funktioniert dann nicht mehr. Schreib stattdessen den neuen auf.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Make a new key</source>
        <translation>Neuen Schlüssel erstellen</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Back to conversations</source>
        <translation>Zurück zu den Unterhaltungen</translation>
    </message>
    <message>
        <source>Search messages (Ctrl+Shift+F)</source>
        <translation>Nachrichten durchsuchen (Strg+Umschalt+F)</translation>
    </message>
    <message>
        <source>New chat (Ctrl+N)</source>
        <translation>Neuer Chat (Strg+N)</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menü</translation>
    </message>
    <message>
        <source>New group…</source>
        <translation>Neue Gruppe …</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Einstellungen …</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>%1 messages not sent</source>
        <translation>%1 Nachrichten nicht gesendet</translation>
    </message>
    <message>
        <source>1 message not sent</source>
        <translation>1 Nachricht nicht gesendet</translation>
    </message>
    <message>
        <source>%1 messages waiting to be sent</source>
        <translation>%1 Nachrichten warten auf Versand</translation>
    </message>
    <message>
        <source>1 message waiting to be sent</source>
        <translation>1 Nachricht wartet auf Versand</translation>
    </message>
    <message>
        <source>Search messages</source>
        <translation>Nachrichten durchsuchen</translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation>Unterhaltungen durchsuchen</translation>
    </message>
    <message>
        <source>Messages found</source>
        <translation>Gefundene Nachrichten</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <source>No message matches “%1”.</source>
        <translation>Keine Nachricht passt zu „%1“.</translation>
    </message>
    <message>
        <source>Type to search the messages on this device.</source>
        <translation>Tippe, um die Nachrichten auf diesem Gerät zu durchsuchen.</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Unterhaltungen</translation>
    </message>
    <message>
        <source>No conversation matches “%1”.</source>
        <translation>Keine Unterhaltung passt zu „%1“.</translation>
    </message>
    <message>
        <source>No conversations yet.
Start one with the button above.</source>
        <translation>Noch keine Unterhaltungen.
Starte eine mit dem Knopf oben.</translation>
    </message>
    <message>
        <source>Unmute notifications</source>
        <translation>Benachrichtigungen einschalten</translation>
    </message>
    <message>
        <source>Mute notifications</source>
        <translation>Benachrichtigungen stummschalten</translation>
    </message>
    <message>
        <source>Mark as read</source>
        <translation>Als gelesen markieren</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
</context>
<context>
    <name>SignInAgainDialog</name>
    <message>
        <source>Sign in again</source>
        <translation>Erneut anmelden</translation>
    </message>
    <message>
        <source>Enter the password of %1 on %2. This computer becomes a new device; your history stays here and your unsent messages are sent.</source>
        <translation>Gib das Passwort von %1 auf %2 ein. Dieser Computer wird zu einem neuen Gerät; dein Verlauf bleibt hier, und deine nicht gesendeten Nachrichten werden gesendet.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>today at %1</source>
        <translation>heute um %1</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 um %2</translation>
    </message>
    <message>
        <source>d MMM yyyy</source>
        <extracomment>A date as a Qt date format (d day, MMM short month name, yyyy year)</extracomment>
        <translation>d. MMM yyyy</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>last seen just now</source>
        <translation>zuletzt gerade eben online</translation>
    </message>
    <message numerus="yes">
        <source>last seen %n minute(s) ago</source>
        <translation>
            <numerusform>zuletzt vor %n Minute online</numerusform>
            <numerusform>zuletzt vor %n Minuten online</numerusform>
        </translation>
    </message>
    <message>
        <source>last seen today at %1</source>
        <translation>zuletzt heute um %1 online</translation>
    </message>
    <message>
        <source>last seen yesterday at %1</source>
        <translation>zuletzt gestern um %1 online</translation>
    </message>
    <message>
        <source>last seen %1</source>
        <translation>zuletzt am %1 online</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>Parley</source>
        <translation>Parley</translation>
    </message>
    <message>
        <source>Parley: 1 unread message</source>
        <translation>Parley: 1 ungelesene Nachricht</translation>
    </message>
    <message>
        <source>Parley: %1 unread messages</source>
        <translation>Parley: %1 ungelesene Nachrichten</translation>
    </message>
    <message>
        <source>Open Parley</source>
        <translation>Parley öffnen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
</context>
<context>
    <name>TrustServerDialog</name>
    <message>
        <source>Is this your server?</source>
        <translation>Ist das dein Server?</translation>
    </message>
    <message>
        <source>This is the first connection to %1, and no trusted authority vouches for its certificate. Compare its fingerprint with the one your administrator gives you (parleyd prints it when it starts). Parley remembers it and refuses the server if it ever changes.</source>
        <translation>Dies ist die erste Verbindung zu %1, und keine vertrauenswürdige Stelle bürgt für sein Zertifikat. Vergleiche seinen Fingerabdruck mit dem, den du von deiner Administration bekommst (parleyd gibt ihn beim Start aus). Parley merkt ihn sich und lehnt den Server ab, falls er sich jemals ändert.</translation>
    </message>
    <message>
        <source>Do not connect</source>
        <translation>Nicht verbinden</translation>
    </message>
    <message>
        <source>Trust and connect</source>
        <translation>Vertrauen und verbinden</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <source>Parley is locked</source>
        <translation>Parley ist gesperrt</translation>
    </message>
    <message>
        <source>Enter the recovery key you wrote down when you set Parley up.</source>
        <translation>Gib den Wiederherstellungsschlüssel ein, den du bei der Einrichtung von Parley aufgeschrieben hast.</translation>
    </message>
    <message>
        <source>Enter your passphrase to open your conversations on this computer.</source>
        <translation>Gib deine Passphrase ein, um deine Unterhaltungen auf diesem Computer zu öffnen.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>ABCD-EFGH-…</source>
        <translation>ABCD-EFGH-…</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Wiederherstellungsschlüssel</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <source>Use my passphrase</source>
        <translation>Meine Passphrase verwenden</translation>
    </message>
    <message>
        <source>Use the recovery key instead</source>
        <translation>Stattdessen den Wiederherstellungsschlüssel verwenden</translation>
    </message>
</context>
<context>
    <name>VerifiedMark</name>
    <message>
        <source>%1 is verified</source>
        <translation>%1 ist verifiziert</translation>
    </message>
    <message>
        <source>Verified: you compared safety numbers with %1</source>
        <translation>Verifiziert: Du hast die Sicherheitsnummern mit %1 verglichen</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to Parley</source>
        <translation>Willkommen bei Parley</translation>
    </message>
    <message>
        <source>Private conversations with the people you work with. Messages are stored on your computer and sent the moment you are online.</source>
        <translation>Private Unterhaltungen mit den Leuten, mit denen du arbeitest. Nachrichten werden auf deinem Computer gespeichert und gesendet, sobald du online bist.</translation>
    </message>
    <message>
        <source>Create an account</source>
        <translation>Konto erstellen</translation>
    </message>
    <message>
        <source>I already have an account</source>
        <translation>Ich habe schon ein Konto</translation>
    </message>
</context>
</TS>
