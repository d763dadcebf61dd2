<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>AccountPage</name>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>Create your account</source>
        <translation>Crée ton compte</translation>
    </message>
    <message>
        <source>Log in to Parley</source>
        <translation>Connexion à Parley</translation>
    </message>
    <message>
        <source>Choose a username that people will use to find you.</source>
        <translation>Choisis un nom d’utilisateur grâce auquel les autres te trouveront.</translation>
    </message>
    <message>
        <source>Use the server address your administrator gave you.</source>
        <translation>Utilise l’adresse de serveur que ton administrateur t’a donnée.</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Adresse du serveur</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nom d’utilisateur</translation>
    </message>
    <message>
        <source>e.g. alice</source>
        <translation>p.&#xa0;ex. alice</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>At least 8 characters</source>
        <translation>Au moins 8 caractères</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>Répète le mot de passe</translation>
    </message>
    <message>
        <source>The passwords do not match.</source>
        <translation>Les mots de passe ne correspondent pas.</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>Créer le compte</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>I already have an account</source>
        <translation>J’ai déjà un compte</translation>
    </message>
    <message>
        <source>Create a new account</source>
        <translation>Créer un nouveau compte</translation>
    </message>
</context>
<context>
    <name>AttachmentChip</name>
    <message>
        <source>File %1, %2</source>
        <translation>Fichier %1, %2</translation>
    </message>
    <message>
        <source>%1 · uploading %2%</source>
        <translation>%1 · envoi %2&#xa0;%</translation>
    </message>
    <message>
        <source>%1 · downloading %2%</source>
        <translation>%1 · téléchargement %2&#xa0;%</translation>
    </message>
    <message>
        <source>%1 · failed</source>
        <translation>%1 · échec</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Télécharger</translation>
    </message>
    <message>
        <source>Download %1</source>
        <translation>Télécharger %1</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>Ouvrir %1</translation>
    </message>
    <message>
        <source>Uploading %1</source>
        <translation>Envoi de %1</translation>
    </message>
    <message>
        <source>Downloading %1</source>
        <translation>Téléchargement de %1</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>Back up your history</source>
        <translation>Sauvegarder ton historique</translation>
    </message>
    <message>
        <source>The backup is one encrypted file with your conversations, messages, reactions and edits. Keep it somewhere safe; restore it on any computer after signing in as you. Parley cannot open it without what you choose here.</source>
        <translation>La sauvegarde est un fichier chiffré avec tes conversations, messages, réactions et modifications. Garde-la en lieu sûr&#xa0;; restaure-la sur n’importe quel ordinateur après t’être connecté. Parley ne peut pas l’ouvrir sans ce que tu choisis ici.</translation>
    </message>
    <message>
        <source>Protect it with a passphrase</source>
        <translation>La protéger par une phrase secrète</translation>
    </message>
    <message>
        <source>Passphrase (at least 8 characters)</source>
        <translation>Phrase secrète (au moins 8 caractères)</translation>
    </message>
    <message>
        <source>Backup passphrase</source>
        <translation>Phrase secrète de la sauvegarde</translation>
    </message>
    <message>
        <source>The same passphrase again</source>
        <translation>La même phrase secrète encore une fois</translation>
    </message>
    <message>
        <source>Repeat the backup passphrase</source>
        <translation>Répète la phrase secrète de la sauvegarde</translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>Les deux phrases secrètes ne sont pas identiques.</translation>
    </message>
    <message>
        <source>Make a backup key for me to write down</source>
        <translation>Créer une clé de sauvegarde à noter</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Back up</source>
        <translation>Sauvegarder</translation>
    </message>
</context>
<context>
    <name>BackupKeyDialog</name>
    <message>
        <source>Your backup key</source>
        <translation>Ta clé de sauvegarde</translation>
    </message>
    <message>
        <source>Write this key down and keep it apart from the backup file. To restore the backup on a new computer you need this key; Parley cannot recover it for you.</source>
        <translation>Note cette clé et garde-la à part du fichier de sauvegarde. Pour restaurer la sauvegarde sur un nouvel ordinateur, il te faut cette clé&#xa0;; Parley ne peut pas la retrouver pour toi.</translation>
    </message>
    <message>
        <source>Backup key: %1</source>
        <translation>Clé de sauvegarde&#xa0;: %1</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Copy the backup key</source>
        <translation>Copier la clé de sauvegarde</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Plus tard</translation>
    </message>
    <message>
        <source>I have written it down</source>
        <translation>Je l’ai notée</translation>
    </message>
</context>
<context>
    <name>CertificateDialog</name>
    <message>
        <source>The server&apos;s identity has changed</source>
        <translation>L’identité du serveur a changé</translation>
    </message>
    <message>
        <source>Stay disconnected</source>
        <translation>Rester déconnecté</translation>
    </message>
    <message>
        <source>Trust the new certificate</source>
        <translation>Faire confiance au nouveau certificat</translation>
    </message>
</context>
<context>
    <name>ChatExport</name>
    <message>
        <source>Export this chat into a folder</source>
        <translation>Exporter ce chat dans un dossier</translation>
    </message>
    <message>
        <source>Chat exported. %1</source>
        <translation>Chat exporté. %1</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Attach a file</source>
        <translation>Joindre un fichier</translation>
    </message>
    <message>
        <source>You can no longer send messages here: you are not a member of this group.</source>
        <translation>Tu ne peux plus envoyer de messages ici&#xa0;: tu n’es pas membre de ce groupe.</translation>
    </message>
    <message>
        <source>You blocked %1. Unblock to send messages.</source>
        <translation>Tu as bloqué %1. Débloque pour envoyer des messages.</translation>
    </message>
    <message>
        <source>Editing message</source>
        <translation>Modification du message</translation>
    </message>
    <message>
        <source>Replying to %1</source>
        <translation>Réponse à %1</translation>
    </message>
    <message>
        <source>Cancel editing (Escape)</source>
        <translation>Annuler la modification (Échap)</translation>
    </message>
    <message>
        <source>Cancel reply (Escape)</source>
        <translation>Annuler la réponse (Échap)</translation>
    </message>
    <message>
        <source>Write a message…</source>
        <translation>Écris un message…</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Save edit</source>
        <translation>Enregistrer la modification</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>Save (Enter)</source>
        <translation>Enregistrer (Entrée)</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>Envoyer (Entrée)</translation>
    </message>
    <message>
        <source>Insert an emoji</source>
        <translation>Insérer un emoji</translation>
    </message>
    <message>
        <source>Members to mention</source>
        <translation>Membres à mentionner</translation>
    </message>
    <message>
        <source>Mention %1</source>
        <translation>Mentionner %1</translation>
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
            <numerusform>%n non lu</numerusform>
            <numerusform>%n non lus</numerusform>
        </translation>
    </message>
    <message>
        <source>muted</source>
        <translation>en sourdine</translation>
    </message>
    <message>
        <source>d MMM</source>
        <extracomment>A date of this year, as a Qt date format (d day, MMM short month name)</extracomment>
        <translation>d MMM</translation>
    </message>
</context>
<context>
    <name>ConversationView</name>
    <message>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <source>You are no longer a member</source>
        <translation>Tu n’es plus membre</translation>
    </message>
    <message>
        <source>%1 · notifications muted</source>
        <translation>%1 · notifications en sourdine</translation>
    </message>
    <message>
        <source>Notifications muted</source>
        <translation>Notifications en sourdine</translation>
    </message>
    <message>
        <source>Group info</source>
        <translation>Infos du groupe</translation>
    </message>
    <message>
        <source>Chat info and safety number</source>
        <translation>Infos de la discussion et numéro de sécurité</translation>
    </message>
    <message>
        <source>Conversation menu</source>
        <translation>Menu de la conversation</translation>
    </message>
    <message>
        <source>Unmute notifications</source>
        <translation>Réactiver les notifications</translation>
    </message>
    <message>
        <source>Mute notifications</source>
        <translation>Mettre les notifications en sourdine</translation>
    </message>
    <message>
        <source>Members and safety numbers…</source>
        <translation>Membres et numéros de sécurité…</translation>
    </message>
    <message>
        <source>Verify safety number…</source>
        <translation>Vérifier le numéro de sécurité…</translation>
    </message>
    <message>
        <source>Unblock</source>
        <translation>Débloquer</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Bloquer</translation>
    </message>
    <message>
        <source>Unblock %1</source>
        <translation>Débloquer %1</translation>
    </message>
    <message>
        <source>Block %1</source>
        <translation>Bloquer %1</translation>
    </message>
    <message>
        <source>Leave group…</source>
        <translation>Quitter le groupe…</translation>
    </message>
    <message>
        <source>Compare safety numbers…</source>
        <translation>Comparer les numéros de sécurité…</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Toi</translation>
    </message>
    <message>
        <source>Jump to the latest message</source>
        <translation>Aller au dernier message</translation>
    </message>
    <message>
        <source>Drop files to send them</source>
        <translation>Dépose des fichiers pour les envoyer</translation>
    </message>
    <message>
        <source>No messages yet. Say hello to the group!</source>
        <translation>Pas encore de messages. Dis bonjour au groupe&#xa0;!</translation>
    </message>
    <message>
        <source>No messages yet. Say hello!</source>
        <translation>Pas encore de messages. Dis bonjour&#xa0;!</translation>
    </message>
    <message>
        <source>Delete for everyone?</source>
        <translation>Supprimer pour tout le monde&#xa0;?</translation>
    </message>
    <message>
        <source>The message is replaced by “This message was deleted” for everyone in this conversation, and its text is erased from their devices once they receive the deletion.</source>
        <translation>Le message est remplacé par «&#xa0;Ce message a été supprimé&#xa0;» pour tous les participants à cette conversation, et son texte est effacé de leurs appareils dès qu’ils reçoivent la suppression.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Delete for everyone</source>
        <translation>Supprimer pour tout le monde</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Open this link?</source>
        <translation>Ouvrir ce lien&#xa0;?</translation>
    </message>
    <message>
        <source>Parley will hand this address to your browser or mail app:</source>
        <translation>Parley va transmettre cette adresse à ton navigateur ou à ta messagerie&#xa0;:</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Open the link</source>
        <translation>Ouvrir le lien</translation>
    </message>
    <message>
        <source>Report…</source>
        <translation>Signaler…</translation>
    </message>
    <message>
        <source>Report %1</source>
        <translation>Signaler %1</translation>
    </message>
    <message>
        <source>Disappearing: %1</source>
        <translation>Éphémères : %1</translation>
    </message>
    <message>
        <source>Disappearing messages: %1</source>
        <translation>Messages éphémères : %1</translation>
    </message>
    <message>
        <source>Disappearing messages…</source>
        <translation>Messages éphémères…</translation>
    </message>
    <message>
        <source>last seen recently</source>
        <translation>vu récemment</translation>
    </message>
    <message>
        <source>Export chat…</source>
        <translation>Exporter le chat…</translation>
    </message>
</context>
<context>
    <name>DeviceDelegate</name>
    <message>
        <source>%1, this device</source>
        <translation>%1, cet appareil</translation>
    </message>
    <message>
        <source>This device</source>
        <translation>Cet appareil</translation>
    </message>
    <message>
        <source>Added %1</source>
        <translation>Ajouté le %1</translation>
    </message>
    <message>
        <source>Added %1 · last seen %2</source>
        <translation>Ajouté le %1 · vu pour la dernière fois %2</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Révoquer</translation>
    </message>
    <message>
        <source>Revoke %1</source>
        <translation>Révoquer %1</translation>
    </message>
</context>
<context>
    <name>EmojiPicker</name>
    <message>
        <source>Search emoji</source>
        <translation>Rechercher un emoji</translation>
    </message>
    <message>
        <source>No emoji found</source>
        <translation>Aucun emoji trouvé</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Résultats de la recherche</translation>
    </message>
</context>
<context>
    <name>EmptyConversation</name>
    <message>
        <source>Pick a conversation</source>
        <translation>Choisis une conversation</translation>
    </message>
    <message>
        <source>Start your first conversation</source>
        <translation>Lance ta première conversation</translation>
    </message>
    <message>
        <source>Choose one on the left, or start a new chat with someone.</source>
        <translation>Choisis-en une à gauche, ou lance une nouvelle discussion avec quelqu’un.</translation>
    </message>
    <message>
        <source>Chat with one person by their username, or bring several people together in a group.</source>
        <translation>Discute avec une personne grâce à son nom d’utilisateur, ou réunis plusieurs personnes dans un groupe.</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>Nouvelle discussion</translation>
    </message>
    <message>
        <source>New group</source>
        <translation>Nouveau groupe</translation>
    </message>
</context>
<context>
    <name>HtmlPage</name>
    <message>
        <source>All conversations</source>
        <translation>Toutes les conversations</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>modifié</translation>
    </message>
    <message>
        <source>an earlier message</source>
        <translation>un message précédent</translation>
    </message>
    <message>
        <source>This message was deleted.</source>
        <translation>Ce message a été supprimé.</translation>
    </message>
    <message>
        <source>This message could not be decrypted on this device.</source>
        <translation>Ce message n’a pas pu être déchiffré sur cet appareil.</translation>
    </message>
    <message>
        <source>not downloaded on this device</source>
        <translation>non téléchargé sur cet appareil</translation>
    </message>
    <message>
        <source>Parley conversations of %1</source>
        <translation>Conversations Parley de %1</translation>
    </message>
    <message>
        <source>Messages: %1</source>
        <translation>Messages&#xa0;: %1</translation>
    </message>
    <message>
        <source>Parley conversations</source>
        <translation>Conversations Parley</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <source>Saved as %1</source>
        <translation>Enregistré sous %1</translation>
    </message>
    <message>
        <source>Save image</source>
        <translation>Enregistrer l’image</translation>
    </message>
    <message>
        <source>Image viewer: %1</source>
        <translation>Visionneuse d’images : %1</translation>
    </message>
    <message>
        <source>%1 × %2 pixels · %3 · %4%</source>
        <translation>%1 × %2 pixels · %3 · %4 %</translation>
    </message>
    <message>
        <source>‹ Previous</source>
        <translation>‹ Précédente</translation>
    </message>
    <message>
        <source>Previous image</source>
        <translation>Image précédente</translation>
    </message>
    <message>
        <source>Next ›</source>
        <translation>Suivante ›</translation>
    </message>
    <message>
        <source>Next image</source>
        <translation>Image suivante</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Zoom arrière</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Zoom avant</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajuster</translation>
    </message>
    <message>
        <source>Fit to the window</source>
        <translation>Ajuster à la fenêtre</translation>
    </message>
    <message>
        <source>100%</source>
        <translation>100 %</translation>
    </message>
    <message>
        <source>Actual size</source>
        <translation>Taille réelle</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Enregistrer…</translation>
    </message>
    <message>
        <source>Save %1</source>
        <translation>Enregistrer %1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Close the image viewer</source>
        <translation>Fermer la visionneuse d’images</translation>
    </message>
    <message>
        <source>Downloading %1</source>
        <translation>Téléchargement de %1</translation>
    </message>
    <message>
        <source>Downloading… %1%</source>
        <translation>Téléchargement… %1 %</translation>
    </message>
    <message>
        <source>The image could not be downloaded.</source>
        <translation>L’image n’a pas pu être téléchargée.</translation>
    </message>
    <message>
        <source>This image cannot be shown.</source>
        <translation>Cette image ne peut pas être affichée.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Download %1 again</source>
        <translation>Télécharger %1 à nouveau</translation>
    </message>
</context>
<context>
    <name>KeychainDialog</name>
    <message>
        <source>Your login cannot be saved</source>
        <translation>Ta connexion ne peut pas être enregistrée</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Se déconnecter</translation>
    </message>
    <message>
        <source>Continue without saving</source>
        <translation>Continuer sans enregistrer</translation>
    </message>
    <message>
        <source>Parley keeps your login and keys in the system keychain, and none is available. Protect them with a passphrase instead, or continue without saving: then you will have to log in again the next time you start Parley.</source>
        <translation>Parley garde ta connexion et tes clés dans le trousseau du système, et aucun n’est disponible. Protège-les plutôt par une phrase secrète, ou continue sans enregistrer&#xa0;: tu devras alors te reconnecter au prochain démarrage de Parley.</translation>
    </message>
    <message>
        <source>Use a passphrase…</source>
        <translation>Utiliser une phrase secrète…</translation>
    </message>
</context>
<context>
    <name>LogoutDialog</name>
    <message>
        <source>Log out</source>
        <translation>Se déconnecter</translation>
    </message>
    <message>
        <source>This device is removed from your account. What should happen to your messages on this computer?</source>
        <translation>Cet appareil est retiré de ton compte. Que faire de tes messages sur cet ordinateur&#xa0;?</translation>
    </message>
    <message>
        <source>Keep my history on this computer</source>
        <translation>Garder mon historique sur cet ordinateur</translation>
    </message>
    <message>
        <source>Erase everything from this computer…</source>
        <translation>Tout effacer de cet ordinateur…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Erase everything?</source>
        <translation>Tout effacer&#xa0;?</translation>
    </message>
    <message>
        <source>Your messages, this device&apos;s keys and what was not sent yet are deleted from this computer. This cannot be undone.</source>
        <translation>Tes messages, les clés de cet appareil et ce qui n’a pas encore été envoyé sont supprimés de cet ordinateur. C’est irréversible.</translation>
    </message>
    <message>
        <source>Erase everything</source>
        <translation>Tout effacer</translation>
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
        <translation>Tu es hors ligne. Parley continue d’essayer de se reconnecter&#xa0;; ce que tu écris est envoyé dès que le serveur est de retour.</translation>
    </message>
    <message>
        <source>Sign in again…</source>
        <translation>Se reconnecter…</translation>
    </message>
    <message>
        <source>Not connected: the server&apos;s certificate has changed.</source>
        <translation>Non connecté&#xa0;: le certificat du serveur a changé.</translation>
    </message>
    <message>
        <source>Review…</source>
        <translation>Vérifier…</translation>
    </message>
    <message>
        <source>Leave this group?</source>
        <translation>Quitter ce groupe&#xa0;?</translation>
    </message>
    <message>
        <source>You will stop receiving its messages. A member who can manage the group has to add you again to come back.</source>
        <translation>Tu ne recevras plus ses messages. Pour revenir, un membre qui gère le groupe devra t’ajouter à nouveau.</translation>
    </message>
    <message>
        <source>Leave group</source>
        <translation>Quitter le groupe</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Write down your recovery key: it opens your history here if the system keychain and your passphrase are lost.</source>
        <translation>Note ta clé de récupération&#xa0;: elle ouvre ton historique ici si le trousseau du système et ta phrase secrète sont perdus.</translation>
    </message>
    <message>
        <source>Show…</source>
        <translation>Afficher…</translation>
    </message>
    <message>
        <source>“%1” signed in to your account (%2). If that was not you, remove it and change your password.</source>
        <translation>«&#xa0;%1&#xa0;» s’est connecté à ton compte (%2). Si ce n’était pas toi, retire-le et change ton mot de passe.</translation>
    </message>
    <message>
        <source>%1 new devices signed in to your account, the last “%2”. If that was not you, remove them and change your password.</source>
        <translation>%1 nouveaux appareils se sont connectés à ton compte, le dernier «&#xa0;%2&#xa0;». Si ce n’était pas toi, retire-les et change ton mot de passe.</translation>
    </message>
    <message>
        <source>It was me</source>
        <translation>C’était moi</translation>
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
        <translation>%1 (toi)</translation>
    </message>
    <message>
        <source>Safety number with %1</source>
        <translation>Numéro de sécurité avec %1</translation>
    </message>
    <message>
        <source>Actions for %1</source>
        <translation>Actions pour %1</translation>
    </message>
    <message>
        <source>%1, verified</source>
        <translation>%1, vérifié</translation>
    </message>
</context>
<context>
    <name>MembersPanel</name>
    <message>
        <source>Group info</source>
        <translation>Infos du groupe</translation>
    </message>
    <message>
        <source>Chat info</source>
        <translation>Infos de la discussion</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Group name</source>
        <translation>Nom du groupe</translation>
    </message>
    <message>
        <source>Rename group</source>
        <translation>Renommer le groupe</translation>
    </message>
    <message>
        <source>Add a member</source>
        <translation>Ajouter un membre</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nom d’utilisateur</translation>
    </message>
    <message>
        <source>Username to add</source>
        <translation>Nom d’utilisateur à ajouter</translation>
    </message>
    <message>
        <source>Add to group</source>
        <translation>Ajouter au groupe</translation>
    </message>
    <message>
        <source>Members · %1</source>
        <translation>Membres · %1</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <source>Leave group</source>
        <translation>Quitter le groupe</translation>
    </message>
    <message>
        <source>Remove admin rights</source>
        <translation>Retirer les droits d’admin</translation>
    </message>
    <message>
        <source>Make admin</source>
        <translation>Nommer admin</translation>
    </message>
    <message>
        <source>Remove %1 from the group</source>
        <translation>Retirer %1 du groupe</translation>
    </message>
    <message>
        <source>Report %1…</source>
        <translation>Signaler %1…</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>You: %1</source>
        <translation>Toi&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>file %1, %2</source>
        <translation>fichier %1, %2</translation>
    </message>
    <message>
        <source>file %1</source>
        <translation>fichier %1</translation>
    </message>
    <message>
        <source>Message actions</source>
        <translation>Actions sur le message</translation>
    </message>
    <message>
        <source>Reply to %1: %2</source>
        <translation>Réponse à %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>modifié</translation>
    </message>
    <message>
        <source>%1, %2 reactions, including yours</source>
        <translation>%1, %2 réactions, dont la tienne</translation>
    </message>
    <message>
        <source>%1, %2 reactions</source>
        <translation>%1, %2 réactions</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Non envoyé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Non envoyé</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Retry sending</source>
        <translation>Réessayer l’envoi</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <source>Discard %1</source>
        <translation>Abandonner %1</translation>
    </message>
    <message>
        <source>Discard this message</source>
        <translation>Abandonner ce message</translation>
    </message>
    <message>
        <source>Image %1, %2 × %3 pixels. Open</source>
        <translation>Image %1, %2 × %3 pixels. Ouvrir</translation>
    </message>
</context>
<context>
    <name>MessageMenu</name>
    <message>
        <source>React with %1</source>
        <translation>Réagir avec %1</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Répondre</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>Copier le texte</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>Delete for everyone…</source>
        <translation>Supprimer pour tout le monde…</translation>
    </message>
    <message>
        <source>Report…</source>
        <translation>Signaler…</translation>
    </message>
    <message>
        <source>Report this message</source>
        <translation>Signaler ce message</translation>
    </message>
    <message>
        <source>More reactions…</source>
        <translation>Plus de réactions…</translation>
    </message>
    <message>
        <source>React…</source>
        <translation>Réagir…</translation>
    </message>
    <message>
        <source>React with any emoji</source>
        <translation>Réagir avec n’importe quel emoji</translation>
    </message>
</context>
<context>
    <name>NewChatDialog</name>
    <message>
        <source>New chat</source>
        <translation>Nouvelle discussion</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Lancement…</translation>
    </message>
    <message>
        <source>Start chat</source>
        <translation>Lancer la discussion</translation>
    </message>
    <message>
        <source>Who do you want to talk to? Search your contacts by name or username, or type any username.</source>
        <translation>À qui voulez-vous écrire ? Cherchez vos contacts par nom ou nom d’utilisateur, ou saisissez n’importe quel nom d’utilisateur.</translation>
    </message>
    <message>
        <source>Name or username</source>
        <translation>Nom ou nom d’utilisateur</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>%1, @%2</source>
        <translation>%1, @%2</translation>
    </message>
    <message>
        <source>None of your contacts matches. &quot;Start chat&quot; looks up the username &quot;%1&quot;.</source>
        <translation>Aucun de vos contacts ne correspond. « Lancer la discussion » recherche le nom d’utilisateur « %1 ».</translation>
    </message>
    <message>
        <source>No contacts yet: the people you share a conversation with appear here.</source>
        <translation>Pas encore de contacts : les personnes avec qui vous partagez une conversation apparaissent ici.</translation>
    </message>
</context>
<context>
    <name>NewGroupDialog</name>
    <message>
        <source>New group</source>
        <translation>Nouveau groupe</translation>
    </message>
    <message>
        <source>Group name</source>
        <translation>Nom du groupe</translation>
    </message>
    <message>
        <source>e.g. Design team</source>
        <translation>p.&#xa0;ex. Équipe design</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <source>Usernames, separated by commas</source>
        <translation>Noms d’utilisateur, séparés par des virgules</translation>
    </message>
    <message>
        <source>Members&apos; usernames</source>
        <translation>Noms d’utilisateur des membres</translation>
    </message>
    <message>
        <source>You can add people later too.</source>
        <translation>Tu peux aussi ajouter des personnes plus tard.</translation>
    </message>
    <message>
        <source>1 person will be added.</source>
        <translation>1 personne sera ajoutée.</translation>
    </message>
    <message>
        <source>%1 people will be added.</source>
        <translation>%1 personnes seront ajoutées.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>Création…</translation>
    </message>
    <message>
        <source>Create group</source>
        <translation>Créer le groupe</translation>
    </message>
</context>
<context>
    <name>OutboxPanel</name>
    <message>
        <source>Not sent yet</source>
        <translation>Pas encore envoyés</translation>
    </message>
    <message>
        <source>Every message has been sent.</source>
        <translation>Tous les messages ont été envoyés.</translation>
    </message>
    <message>
        <source>Messages not sent yet</source>
        <translation>Messages pas encore envoyés</translation>
    </message>
    <message>
        <source>To %1: %2, %3</source>
        <translation>À %1&#xa0;: %2, %3</translation>
    </message>
    <message>
        <source>To %1 · %2: %3</source>
        <translation>À %1 · %2&#xa0;: %3</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Retry sending %1</source>
        <translation>Réessayer d’envoyer %1</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <source>Discard %1</source>
        <translation>Abandonner %1</translation>
    </message>
    <message>
        <source>Retry all</source>
        <translation>Tout réessayer</translation>
    </message>
</context>
<context>
    <name>Parley::AbuseReporter</name>
    <message>
        <source>You sent many reports recently. Try again in an hour.</source>
        <translation>Tu as envoyé beaucoup de signalements récemment. Réessaie dans une heure.</translation>
    </message>
    <message>
        <source>That message cannot be reported.</source>
        <translation>Ce message ne peut pas être signalé.</translation>
    </message>
    <message>
        <source>You are no longer a member of this conversation.</source>
        <translation>Tu n’es plus membre de cette conversation.</translation>
    </message>
    <message>
        <source>That account does not exist.</source>
        <translation>Ce compte n’existe pas.</translation>
    </message>
    <message>
        <source>No connection to the server. Try again when you are online.</source>
        <translation>Pas de connexion au serveur. Réessaie quand tu seras en ligne.</translation>
    </message>
    <message>
        <source>The server did not take the report: %1</source>
        <translation>Le serveur n’a pas accepté le signalement&#xa0;: %1</translation>
    </message>
    <message>
        <source>Choose whom to report.</source>
        <translation>Choisis qui tu veux signaler.</translation>
    </message>
    <message>
        <source>A report can include at most %1 messages.</source>
        <translation>Un signalement peut contenir au plus %1 messages.</translation>
    </message>
    <message>
        <source>Sending the report…</source>
        <translation>Envoi du signalement…</translation>
    </message>
    <message>
        <source>Only messages of the person you report can be included.</source>
        <translation>Seuls les messages de la personne que tu signales peuvent être inclus.</translation>
    </message>
    <message>
        <source>Report sent. The admins of this server will look at it.</source>
        <translation>Signalement envoyé. Les admins de ce serveur vont l’examiner.</translation>
    </message>
</context>
<context>
    <name>Parley::Account</name>
    <message>
        <source>The server&apos;s certificate has changed.</source>
        <translation>Le certificat du serveur a changé.</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 sur %2</translation>
    </message>
</context>
<context>
    <name>Parley::Attachments</name>
    <message>
        <source>&quot;%1&quot; is too large to send: %2.</source>
        <translation>«&#xa0;%1&#xa0;» est trop volumineux pour être envoyé&#xa0;: %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was not sent: %2.</source>
        <translation>«&#xa0;%1&#xa0;» n’a pas été envoyé&#xa0;: %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is no longer on the server.</source>
        <translation>«&#xa0;%1&#xa0;» n’est plus sur le serveur.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be transferred: you are not a member of this chat.</source>
        <translation>«&#xa0;%1&#xa0;» ne peut pas être transféré&#xa0;: tu n’es pas membre de cette discussion.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; could not be transferred: %2</source>
        <translation>«&#xa0;%1&#xa0;» n’a pas pu être transféré&#xa0;: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a file.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un fichier.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be read: %2</source>
        <translation>«&#xa0;%1&#xa0;» ne peut pas être lu&#xa0;: %2</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Impossible de créer le dossier %1.</translation>
    </message>
</context>
<context>
    <name>Parley::CacheUnlock</name>
    <message>
        <source>Parley cannot read this profile&apos;s keys, so it cannot open its encrypted local cache.</source>
        <translation>Parley ne peut pas lire les clés de ce profil, il ne peut donc pas ouvrir son cache local chiffré.</translation>
    </message>
    <message>
        <source>The cache key this profile keeps is damaged, so Parley cannot open its local cache.</source>
        <translation>La clé du cache gardée par ce profil est endommagée, Parley ne peut donc pas ouvrir son cache local.</translation>
    </message>
    <message>
        <source>The key of the encrypted local cache is missing from this profile&apos;s keys, so Parley cannot open it. Nothing was deleted; remove the profile folder&apos;s cache.sqlite to start with an empty cache.</source>
        <translation>La clé du cache local chiffré manque parmi les clés de ce profil, Parley ne peut donc pas l’ouvrir. Rien n’a été supprimé&#xa0;; supprime cache.sqlite dans le dossier du profil pour repartir d’un cache vide.</translation>
    </message>
</context>
<context>
    <name>Parley::Chat</name>
    <message>
        <source>That message cannot be changed any more.</source>
        <translation>Ce message ne peut plus être modifié.</translation>
    </message>
    <message>
        <source>Only your own messages can be edited or deleted.</source>
        <translation>Seuls tes propres messages peuvent être modifiés ou supprimés.</translation>
    </message>
    <message>
        <source>That cannot be sent.</source>
        <translation>Cela ne peut pas être envoyé.</translation>
    </message>
    <message>
        <source>Only files on this computer can be sent (%1).</source>
        <translation>Seuls les fichiers de cet ordinateur peuvent être envoyés (%1).</translation>
    </message>
    <message>
        <source>That message has no file to download.</source>
        <translation>Ce message n’a aucun fichier à télécharger.</translation>
    </message>
    <message>
        <source>That file is not on this computer: download it first.</source>
        <translation>Ce fichier n’est pas sur cet ordinateur&#xa0;: télécharge-le d’abord.</translation>
    </message>
    <message>
        <source>%1 is no longer there. Download it again.</source>
        <translation>%1 n’est plus là. Télécharge-le à nouveau.</translation>
    </message>
    <message>
        <source>No application could open %1.</source>
        <translation>Aucune application n’a pu ouvrir %1.</translation>
    </message>
    <message>
        <source>A role is &quot;member&quot; or &quot;admin&quot;.</source>
        <translation>Un rôle vaut «&#xa0;member&#xa0;» ou «&#xa0;admin&#xa0;».</translation>
    </message>
    <message>
        <source>Files can only be saved on this computer (%1).</source>
        <translation>Les fichiers ne peuvent être enregistrés que sur cet ordinateur (%1).</translation>
    </message>
    <message>
        <source>%1 cannot be replaced.</source>
        <translation>%1 ne peut pas être remplacé.</translation>
    </message>
    <message>
        <source>The file could not be saved as %1.</source>
        <translation>Le fichier n’a pas pu être enregistré sous %1.</translation>
    </message>
</context>
<context>
    <name>Parley::Client</name>
    <message>
        <source>The server&apos;s certificate has changed since you first connected. This can mean someone is intercepting the connection, or the server got a new certificate. Compare the fingerprint with the server&apos;s administrator before you accept it.
Pinned:    %1
Presented: %2</source>
        <translation>Le certificat du serveur a changé depuis ta première connexion. Quelqu’un intercepte peut-être la connexion, ou le serveur a reçu un nouveau certificat. Compare l’empreinte avec l’administrateur du serveur avant de l’accepter.
Épinglé&#xa0;:  %1
Présenté&#xa0;: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid profile name.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un nom de profil valide.</translation>
    </message>
    <message>
        <source>Cannot create the data folder %1.</source>
        <translation>Impossible de créer le dossier de données %1.</translation>
    </message>
    <message>
        <source>Cannot open the local cache: %1</source>
        <translation>Impossible d’ouvrir le cache local&#xa0;: %1</translation>
    </message>
    <message>
        <source>--demo-login takes USER:PASSWORD.</source>
        <translation>--demo-login attend UTILISATEUR:MOT_DE_PASSE.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a server address.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas une adresse de serveur.</translation>
    </message>
    <message>
        <source>This computer keeps the history of %1. Log in as that account and choose Log out, then Erase everything, or use another profile.</source>
        <translation>Cet ordinateur conserve l’historique de %1. Connecte-toi avec ce compte et choisis «&#xa0;Se déconnecter&#xa0;», puis «&#xa0;Tout effacer&#xa0;», ou utilise un autre profil.</translation>
    </message>
    <message>
        <source>Not connected: you did not trust the server&apos;s certificate.</source>
        <translation>Non connecté&#xa0;: tu n’as pas fait confiance au certificat du serveur.</translation>
    </message>
    <message>
        <source>A display name has at most %1 characters.</source>
        <translation>Un nom affiché compte au plus %1 caractères.</translation>
    </message>
    <message>
        <source>That picture cannot be used: choose a JPEG, PNG, GIF or WebP image.</source>
        <translation>Cette image ne peut pas être utilisée : choisissez une image JPEG, PNG, GIF ou WebP.</translation>
    </message>
    <message>
        <source>No system keychain is available, so what Parley keeps on this computer lasts only until you quit, unless you protect it with a passphrase.</source>
        <translation>Aucun trousseau du système n’est disponible, ce que Parley garde sur cet ordinateur ne dure donc que jusqu’à ce que tu quittes, sauf si tu le protèges par une phrase secrète.</translation>
    </message>
    <message>
        <source>Sign in to export your conversations.</source>
        <translation>Connecte-toi pour exporter tes conversations.</translation>
    </message>
    <message>
        <source>Choose a folder on this computer.</source>
        <translation>Choisis un dossier sur cet ordinateur.</translation>
    </message>
    <message>
        <source>New messages exported: %1.</source>
        <translation>Nouveaux messages exportés&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Sign in to import conversations.</source>
        <translation>Connecte-toi pour importer des conversations.</translation>
    </message>
    <message>
        <source>Choose a file on this computer.</source>
        <translation>Choisis un fichier sur cet ordinateur.</translation>
    </message>
    <message>
        <source>New messages imported: %1.</source>
        <translation>Nouveaux messages importés&#xa0;: %1.</translation>
    </message>
</context>
<context>
    <name>Parley::Connection</name>
    <message>
        <source>No server address.</source>
        <translation>Aucune adresse de serveur.</translation>
    </message>
    <message>
        <source>The connection was lost.</source>
        <translation>La connexion a été perdue.</translation>
    </message>
    <message>
        <source>Not connected to the server.</source>
        <translation>Non connecté au serveur.</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>Le serveur n’a pas répondu à temps.</translation>
    </message>
</context>
<context>
    <name>Parley::ConversationExport</name>
    <message>
        <source>Cannot make the folder %1.</source>
        <translation>Impossible de créer le dossier %1.</translation>
    </message>
    <message>
        <source>There is no such conversation to export.</source>
        <translation>Cette conversation à exporter n’existe pas.</translation>
    </message>
    <message>
        <source>Cannot write into the folder %1.</source>
        <translation>Impossible d’écrire dans le dossier %1.</translation>
    </message>
    <message>
        <source>Cannot copy %1 into the folder %2.</source>
        <translation>Impossible de copier %1 dans le dossier %2.</translation>
    </message>
</context>
<context>
    <name>Parley::ConversationListModel</name>
    <message>
        <source>(just you)</source>
        <translation>(toi seul)</translation>
    </message>
</context>
<context>
    <name>Parley::ConversationSecurity</name>
    <message>
        <source>The safety number with %1 has changed: %1 may have reinstalled Parley, or someone may be trying to listen in. Compare safety numbers, then acknowledge the change; until then your messages here wait.</source>
        <translation>Le numéro de sécurité avec %1 a changé&#xa0;: %1 a peut-être réinstallé Parley, ou quelqu’un essaie d’écouter. Compare vos numéros de sécurité, puis confirme le changement&#xa0;; d’ici là, tes messages ici attendent.</translation>
    </message>
    <message>
        <source>The safety numbers with %1 have changed. Compare safety numbers, then acknowledge the changes; until then your messages here wait.</source>
        <translation>Les numéros de sécurité avec %1 ont changé. Compare vos numéros de sécurité, puis confirme les changements&#xa0;; d’ici là, tes messages ici attendent.</translation>
    </message>
</context>
<context>
    <name>Parley::DeviceDirectory</name>
    <message>
        <source>The device list could not be stored.</source>
        <translation>La liste des appareils n’a pas pu être enregistrée.</translation>
    </message>
    <message>
        <source>The key store is not open.</source>
        <translation>Le magasin de clés n’est pas ouvert.</translation>
    </message>
</context>
<context>
    <name>Parley::EmojiModel</name>
    <message>
        <source>Recently used</source>
        <translation>Utilisés récemment</translation>
    </message>
</context>
<context>
    <name>Parley::EndToEndEncryption</name>
    <message>
        <source>This device has no identity key yet.</source>
        <translation>Cet appareil n’a pas encore de clé d’identité.</translation>
    </message>
    <message>
        <source>This contact has no device with keys yet.</source>
        <translation>Ce contact n’a encore aucun appareil avec des clés.</translation>
    </message>
    <message>
        <source>End-to-end encryption is not running.</source>
        <translation>Le chiffrement de bout en bout n’est pas actif.</translation>
    </message>
</context>
<context>
    <name>Parley::HistoryBackup</name>
    <message>
        <source>%1 is not a Parley backup, or it is damaged.</source>
        <translation>%1 n’est pas une sauvegarde Parley, ou elle est endommagée.</translation>
    </message>
    <message>
        <source>%1 was made by a newer Parley. Update Parley to restore it.</source>
        <translation>%1 a été faite par un Parley plus récent. Mets Parley à jour pour la restaurer.</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>Impossible de lire %1.</translation>
    </message>
    <message>
        <source>Cannot write %1. Is there room on the disk, and may Parley write there?</source>
        <translation>Impossible d’écrire %1. Reste-t-il de la place sur le disque, et Parley peut-il écrire là&#xa0;?</translation>
    </message>
    <message>
        <source>Sign in to back up your conversations.</source>
        <translation>Connecte-toi pour sauvegarder tes conversations.</translation>
    </message>
    <message>
        <source>Choose a file on this computer.</source>
        <translation>Choisis un fichier sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Choose where to keep the backup first.</source>
        <translation>Choisis d’abord où garder la sauvegarde.</translation>
    </message>
    <message>
        <source>The backup %1 is gone. Choose where to keep a new one.</source>
        <translation>La sauvegarde %1 a disparu. Choisis où en garder une nouvelle.</translation>
    </message>
    <message>
        <source>%1 is now another backup. Choose where to keep a new one.</source>
        <translation>%1 est maintenant une autre sauvegarde. Choisis où en garder une nouvelle.</translation>
    </message>
    <message>
        <source>Backed up: %1 new messages.</source>
        <translation>Sauvegardé&#xa0;: %1 nouveaux messages.</translation>
    </message>
    <message>
        <source>Sign in to restore a backup.</source>
        <translation>Connecte-toi pour restaurer une sauvegarde.</translation>
    </message>
    <message>
        <source>Type the backup&apos;s passphrase or backup key.</source>
        <translation>Saisis la phrase secrète ou la clé de la sauvegarde.</translation>
    </message>
    <message>
        <source>That is not this backup&apos;s passphrase or backup key.</source>
        <translation>Ce n’est ni la phrase secrète ni la clé de cette sauvegarde.</translation>
    </message>
    <message>
        <source>That is not this backup&apos;s backup key.</source>
        <translation>Ce n’est pas la clé de cette sauvegarde.</translation>
    </message>
    <message>
        <source>This backup holds the history of %1, not of %2.</source>
        <translation>Cette sauvegarde contient l’historique de %1, pas de %2.</translation>
    </message>
    <message>
        <source>Restored: %1 messages new to this computer.</source>
        <translation>Restauré&#xa0;: %1 messages nouveaux pour cet ordinateur.</translation>
    </message>
</context>
<context>
    <name>Parley::HistoryImport</name>
    <message>
        <source>This export is of a newer version of Parley.</source>
        <translation>Cet export provient d’une version plus récente de Parley.</translation>
    </message>
    <message>
        <source>%1 is missing from the export or damaged.</source>
        <translation>%1 manque dans l’export ou est endommagé.</translation>
    </message>
    <message>
        <source>%1 is not a Parley export (export.json or a conversation&apos;s JSON file).</source>
        <translation>%1 n’est pas un export Parley (export.json ou le fichier JSON d’une conversation).</translation>
    </message>
</context>
<context>
    <name>Parley::KeyChangeList</name>
    <message>
        <source>The key change could not be acknowledged.</source>
        <translation>Le changement de clé n’a pas pu être confirmé.</translation>
    </message>
</context>
<context>
    <name>Parley::KeyVault</name>
    <message>
        <source>This device&apos;s encryption keys were written by a newer Parley.</source>
        <translation>Les clés de chiffrement de cet appareil ont été écrites par une version plus récente de Parley.</translation>
    </message>
    <message>
        <source>This device&apos;s encryption keys cannot be opened (%1).</source>
        <translation>Les clés de chiffrement de cet appareil ne peuvent pas être ouvertes (%1).</translation>
    </message>
    <message>
        <source>The local cache cannot be read.</source>
        <translation>Le cache local ne peut pas être lu.</translation>
    </message>
    <message>
        <source>The storage key this profile keeps does not open this device&apos;s encryption keys, so Parley cannot read or send messages here. Log out and log in again to set this device up anew.</source>
        <translation>La clé de stockage de ce profil n’ouvre pas les clés de chiffrement de cet appareil, Parley ne peut donc ni lire ni envoyer de messages ici. Déconnecte-toi et reconnecte-toi pour configurer cet appareil à nouveau.</translation>
    </message>
    <message>
        <source>Parley cannot read this profile&apos;s keys, so it cannot unlock this device&apos;s encryption keys.</source>
        <translation>Parley ne peut pas lire les clés de ce profil, il ne peut donc pas déverrouiller les clés de chiffrement de cet appareil.</translation>
    </message>
    <message>
        <source>The key that protects this device&apos;s encryption keys is missing from this profile, so Parley cannot read or send messages here. Log out and log in again to set this device up anew; messages received before cannot be read again.</source>
        <translation>La clé qui protège les clés de chiffrement de cet appareil manque dans ce profil, Parley ne peut donc ni lire ni envoyer de messages ici. Déconnecte-toi et reconnecte-toi pour configurer cet appareil à nouveau&#xa0;; les messages reçus avant ne pourront plus être lus.</translation>
    </message>
</context>
<context>
    <name>Parley::MessageContent</name>
    <message>
        <source>(a message this version cannot show)</source>
        <translation>(un message que cette version ne peut pas afficher)</translation>
    </message>
</context>
<context>
    <name>Parley::MessageListModel</name>
    <message>
        <source>This message was deleted</source>
        <translation>Ce message a été supprimé</translation>
    </message>
    <message>
        <source>An earlier message</source>
        <translation>Un message précédent</translation>
    </message>
    <message>
        <source>A message</source>
        <translation>Un message</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Hier</translation>
    </message>
    <message>
        <source>Waiting for the key to this message. Your device that sent it was asked to send it again; the message appears here when it arrives.</source>
        <translation>En attente de la clé de ce message. Ton appareil qui l’a envoyé a été prié de la renvoyer&#xa0;; le message apparaîtra ici dès qu’elle arrivera.</translation>
    </message>
    <message>
        <source>Waiting for the key to this message. %1&apos;s device was asked to send it again; the message appears here when it arrives.</source>
        <translation>En attente de la clé de ce message. L’appareil de %1 a été prié de la renvoyer&#xa0;; le message apparaîtra ici dès qu’elle arrivera.</translation>
    </message>
    <message>
        <source>Waiting for the key to this message. The sender&apos;s device was asked to send it again; the message appears here when it arrives.</source>
        <translation>En attente de la clé de ce message. L’appareil de l’expéditeur a été prié de la renvoyer&#xa0;; le message apparaîtra ici dès qu’elle arrivera.</translation>
    </message>
</context>
<context>
    <name>Parley::MessageStore</name>
    <message>
        <source>This message was deleted</source>
        <translation>Ce message a été supprimé</translation>
    </message>
</context>
<context>
    <name>Parley::NewMessageNotifier</name>
    <message>
        <source>%1 in %2</source>
        <translation>%1 dans %2</translation>
    </message>
    <message>
        <source>New message from %1</source>
        <translation>Nouveau message de %1</translation>
    </message>
    <message>
        <source>%1 mentioned you in %2</source>
        <translation>%1 vous a mentionné dans %2</translation>
    </message>
    <message>
        <source>%1 mentioned you</source>
        <translation>%1 vous a mentionné</translation>
    </message>
</context>
<context>
    <name>Parley::Notifier</name>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
</context>
<context>
    <name>Parley::OutboxListModel</name>
    <message>
        <source>Your profile</source>
        <translation>Votre profil</translation>
    </message>
</context>
<context>
    <name>Parley::PendingDecryptions</name>
    <message>
        <source>Sent before this device could read this person&apos;s messages. Restoring a backup, or importing an export from another of your devices, brings it here.</source>
        <translation>Envoyé avant que cet appareil puisse lire les messages de cette personne. Restaurer une sauvegarde, ou importer un export d’un autre de tes appareils, l’amène ici.</translation>
    </message>
    <message>
        <source>A repeated copy of an earlier message: the original is shown where it was first sent.</source>
        <translation>Une copie répétée d’un message précédent&#xa0;: l’original est affiché là où il a été envoyé la première fois.</translation>
    </message>
    <message>
        <source>This message is damaged and cannot be decrypted. Ask the sender to send it again.</source>
        <translation>Ce message est endommagé et ne peut pas être déchiffré. Demande à l’expéditeur de le renvoyer.</translation>
    </message>
</context>
<context>
    <name>Parley::ProfileSecrets</name>
    <message>
        <source>The profile is locked.</source>
        <translation>Le profil est verrouillé.</translation>
    </message>
    <message>
        <source>That passphrase is not right.</source>
        <translation>Cette phrase secrète n’est pas la bonne.</translation>
    </message>
    <message>
        <source>Parley cannot write the file that keeps this profile&apos;s keys.</source>
        <translation>Parley ne peut pas écrire le fichier qui garde les clés de ce profil.</translation>
    </message>
    <message>
        <source>This profile was written by a newer Parley.</source>
        <translation>Ce profil a été écrit par une version plus récente de Parley.</translation>
    </message>
    <message>
        <source>The file that keeps this profile&apos;s keys (%1) is damaged.</source>
        <translation>Le fichier qui garde les clés de ce profil (%1) est endommagé.</translation>
    </message>
    <message>
        <source>Parley cannot use the system keychain: %1</source>
        <translation>Parley ne peut pas utiliser le trousseau du système&#xa0;: %1</translation>
    </message>
    <message>
        <source>The system keychain no longer has this profile&apos;s key.</source>
        <translation>Le trousseau du système n’a plus la clé de ce profil.</translation>
    </message>
    <message>
        <source>The key in the system keychain does not open this profile.</source>
        <translation>La clé du trousseau du système n’ouvre pas ce profil.</translation>
    </message>
    <message>
        <source>The key does not open this profile.</source>
        <translation>La clé n’ouvre pas ce profil.</translation>
    </message>
    <message>
        <source>A recovery key has 52 letters and digits, in groups of four.</source>
        <translation>Une clé de récupération compte 52 lettres et chiffres, par groupes de quatre.</translation>
    </message>
    <message>
        <source>That recovery key is not this profile&apos;s.</source>
        <translation>Cette clé de récupération n’est pas celle de ce profil.</translation>
    </message>
    <message>
        <source>The passphrase cannot be empty.</source>
        <translation>La phrase secrète ne peut pas être vide.</translation>
    </message>
    <message>
        <source>Keep the key in the system keychain first: without it, the passphrase is what opens Parley.</source>
        <translation>Garde d’abord la clé dans le trousseau du système&#xa0;: sans lui, c’est la phrase secrète qui ouvre Parley.</translation>
    </message>
    <message>
        <source>Set a passphrase first: it is what will open Parley.</source>
        <translation>Définis d’abord une phrase secrète&#xa0;: c’est elle qui ouvrira Parley.</translation>
    </message>
</context>
<context>
    <name>Parley::SealedCache</name>
    <message>
        <source>The cache&apos;s key cannot be used.</source>
        <translation>La clé du cache est inutilisable.</translation>
    </message>
    <message>
        <source>The local cache could not be encrypted: %1</source>
        <translation>Le cache local n’a pas pu être chiffré&#xa0;: %1</translation>
    </message>
    <message>
        <source>The encryption of the local cache is not available.</source>
        <translation>Le chiffrement du cache local n’est pas disponible.</translation>
    </message>
    <message>
        <source>The key in the system keychain does not open the local cache. Nothing was changed.</source>
        <translation>La clé du trousseau du système n’ouvre pas le cache local. Rien n’a été modifié.</translation>
    </message>
    <message>
        <source>The local cache cannot be opened: %1</source>
        <translation>Le cache local ne peut pas être ouvert&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>Parley::SenderKeyContentCipher</name>
    <message>
        <source>End-to-end encryption is not running.</source>
        <translation>Le chiffrement de bout en bout n’est pas actif.</translation>
    </message>
</context>
<context>
    <name>Parley::SenderKeyDistributor</name>
    <message>
        <source>Logged out.</source>
        <translation>Déconnecté.</translation>
    </message>
    <message>
        <source>The key store is not open.</source>
        <translation>Le magasin de clés n’est pas ouvert.</translation>
    </message>
    <message>
        <source>The key store could not be written.</source>
        <translation>Le magasin de clés n’a pas pu être écrit.</translation>
    </message>
</context>
<context>
    <name>Parley::StateText</name>
    <message>
        <source>Waiting to send</source>
        <translation>En attente d’envoi</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Distribué</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Lu</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Non envoyé</translation>
    </message>
    <message>
        <source>being sent</source>
        <translation>en cours d’envoi</translation>
    </message>
    <message>
        <source>no connection to the server</source>
        <translation>pas de connexion au serveur</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Propriétaire</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Membre</translation>
    </message>
    <message>
        <source>you are no longer a member of this conversation</source>
        <translation>tu n’es plus membre de cette conversation</translation>
    </message>
    <message>
        <source>you cannot write to this person</source>
        <translation>tu ne peux pas écrire à cette personne</translation>
    </message>
    <message>
        <source>it is larger than the server accepts</source>
        <translation>il dépasse la taille acceptée par le serveur</translation>
    </message>
    <message>
        <source>your space for files on the server is used up</source>
        <translation>ton espace pour les fichiers sur le serveur est épuisé</translation>
    </message>
    <message>
        <source>your role does not allow it</source>
        <translation>ton rôle ne le permet pas</translation>
    </message>
    <message>
        <source>the server refused it</source>
        <translation>le serveur l’a refusé</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Déconnecté</translation>
    </message>
    <message>
        <source>Logged out</source>
        <translation>Déconnecté</translation>
    </message>
    <message>
        <source>Signed out: this device was removed by the server&apos;s admin (or from another of your devices). Your history and unsent messages are kept on this computer.</source>
        <translation>Déconnecté&#xa0;: cet appareil a été retiré par l’administrateur du serveur (ou depuis un autre de tes appareils). Ton historique et tes messages non envoyés sont conservés sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Signed out: the account is disabled. Your history and unsent messages are kept on this computer.</source>
        <translation>Déconnecté&#xa0;: le compte est désactivé. Ton historique et tes messages non envoyés sont conservés sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Signed out: the server does not know this device. Your history and unsent messages are kept on this computer.</source>
        <translation>Déconnecté&#xa0;: le serveur ne connaît pas cet appareil. Ton historique et tes messages non envoyés sont conservés sur cet ordinateur.</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>quelqu’un</translation>
    </message>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 écrit…</translation>
    </message>
    <message>
        <source>%1 and %2 are typing…</source>
        <translation>%1 et %2 écrivent…</translation>
    </message>
    <message>
        <source>Several people are typing…</source>
        <translation>Plusieurs personnes écrivent…</translation>
    </message>
</context>
<context>
    <name>Parley::SystemText</name>
    <message>
        <source>someone</source>
        <translation>quelqu’un</translation>
    </message>
    <message>
        <source>%1 started the conversation</source>
        <translation>%1 a lancé la conversation</translation>
    </message>
    <message>
        <source>%1 created the group “%2”</source>
        <translation>%1 a créé le groupe «&#xa0;%2&#xa0;»</translation>
    </message>
    <message>
        <source>%1 added %2</source>
        <translation>%1 a ajouté %2</translation>
    </message>
    <message>
        <source>%1 removed %2</source>
        <translation>%1 a retiré %2</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>%1 a quitté le groupe</translation>
    </message>
    <message>
        <source>%1 made %2 an admin</source>
        <translation>%1 a nommé %2 admin</translation>
    </message>
    <message>
        <source>%1 made %2 a member</source>
        <translation>%1 a fait de %2 un membre</translation>
    </message>
    <message>
        <source>%1 renamed the group to “%2”</source>
        <translation>%1 a renommé le groupe en «&#xa0;%2&#xa0;»</translation>
    </message>
    <message>
        <source>%1 turned off disappearing messages</source>
        <translation>%1 a désactivé les messages éphémères</translation>
    </message>
    <message>
        <source>%1 set disappearing messages to %2</source>
        <translation>%1 a réglé les messages éphémères sur %2</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Désactivés</translation>
    </message>
    <message>
        <source>5 seconds</source>
        <translation>5 secondes</translation>
    </message>
    <message>
        <source>5 minutes</source>
        <translation>5 minutes</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 heure</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 jour</translation>
    </message>
    <message>
        <source>1 week</source>
        <translation>1 semaine</translation>
    </message>
    <message>
        <source>4 weeks</source>
        <translation>4 semaines</translation>
    </message>
    <message>
        <source>%1 seconds</source>
        <translation>%1 secondes</translation>
    </message>
    <message>
        <source>%1 added a new device. Your safety number with %1 changed, so %1 is no longer marked as verified.</source>
        <translation>%1 a ajouté un nouvel appareil. Ton numéro de sécurité avec %1 a changé&#xa0;: %1 n’est donc plus marqué comme vérifié.</translation>
    </message>
    <message>
        <source>%1 added a new device.</source>
        <translation>%1 a ajouté un nouvel appareil.</translation>
    </message>
    <message>
        <source>%1&apos;s safety number changed, so %1 is no longer marked as verified.</source>
        <translation>Le numéro de sécurité de %1 a changé&#xa0;: %1 n’est donc plus marqué comme vérifié.</translation>
    </message>
    <message>
        <source>%1&apos;s safety number changed.</source>
        <translation>Le numéro de sécurité de %1 a changé.</translation>
    </message>
    <message>
        <source>Your safety number with %1 changed, so %1 is no longer marked as verified.</source>
        <translation>Ton numéro de sécurité avec %1 a changé&#xa0;: %1 n’est donc plus marqué comme vérifié.</translation>
    </message>
    <message>
        <source>Your safety number with %1 changed.</source>
        <translation>Ton numéro de sécurité avec %1 a changé.</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Change the passphrase</source>
        <translation>Changer la phrase secrète</translation>
    </message>
    <message>
        <source>Protect Parley with a passphrase</source>
        <translation>Protéger Parley par une phrase secrète</translation>
    </message>
    <message>
        <source>The passphrase opens your history and keys on this computer when the system keychain cannot. Parley cannot recover it for you; your recovery key still works if you forget it.</source>
        <translation>La phrase secrète ouvre ton historique et tes clés sur cet ordinateur quand le trousseau du système ne le peut pas. Parley ne peut pas la retrouver pour toi&#xa0;; ta clé de récupération fonctionne toujours si tu l’oublies.</translation>
    </message>
    <message>
        <source>Passphrase (at least 8 characters)</source>
        <translation>Phrase secrète (au moins 8 caractères)</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <source>The same passphrase again</source>
        <translation>La même phrase secrète à nouveau</translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation>Répète la phrase secrète</translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>Les deux phrases secrètes ne sont pas identiques.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Set passphrase</source>
        <translation>Définir la phrase secrète</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>the keychain is locked or refused access</source>
        <translation>le trousseau est verrouillé ou a refusé l’accès</translation>
    </message>
    <message>
        <source>no keychain service is available</source>
        <translation>aucun service de trousseau n’est disponible</translation>
    </message>
    <message>
        <source>Parley cannot use the system keychain (%1), so it cannot remember this login.</source>
        <translation>Parley ne peut pas utiliser le trousseau du système (%1), il ne peut donc pas mémoriser cette connexion.</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>Your recovery key</source>
        <translation>Ta clé de récupération</translation>
    </message>
    <message>
        <source>Write this key down and keep it somewhere safe, away from this computer. If the system keychain loses Parley&apos;s key and you have no passphrase (or forgot it), this key is the only way to open your history here.</source>
        <translation>Note cette clé et garde-la en lieu sûr, loin de cet ordinateur. Si le trousseau du système perd la clé de Parley et que tu n’as pas de phrase secrète (ou l’as oubliée), cette clé est le seul moyen d’ouvrir ton historique ici.</translation>
    </message>
    <message>
        <source>Recovery key: %1</source>
        <translation>Clé de récupération&#xa0;: %1</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Plus tard</translation>
    </message>
    <message>
        <source>I have written it down</source>
        <translation>Je l’ai notée</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Copy the recovery key</source>
        <translation>Copier la clé de récupération</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Report message</source>
        <translation>Signaler le message</translation>
    </message>
    <message>
        <source>Report %1</source>
        <translation>Signaler %1</translation>
    </message>
    <message>
        <source>Why are you reporting %1?</source>
        <translation>Pourquoi signales-tu %1&#xa0;?</translation>
    </message>
    <message>
        <source>Spam or scam</source>
        <translation>Spam ou arnaque</translation>
    </message>
    <message>
        <source>Harassment or threats</source>
        <translation>Harcèlement ou menaces</translation>
    </message>
    <message>
        <source>Illegal content</source>
        <translation>Contenu illégal</translation>
    </message>
    <message>
        <source>Something else</source>
        <translation>Autre chose</translation>
    </message>
    <message>
        <source>Anything the admins should know (optional)</source>
        <translation>Ce que les admins devraient savoir (facultatif)</translation>
    </message>
    <message>
        <source>Comment for the admins</source>
        <translation>Commentaire pour les admins</translation>
    </message>
    <message>
        <source>The selected message&apos;s text will be sent to the admins of this server, with your name, %1&apos;s name, this conversation and your comment. Nothing else from the conversation is sent, and %1 is not told.</source>
        <translation>Le texte du message sélectionné sera envoyé aux admins de ce serveur, avec ton nom, le nom de %1, cette conversation et ton commentaire. Rien d’autre de la conversation n’est envoyé, et %1 n’est pas prévenu.</translation>
    </message>
    <message>
        <source>Your name, %1&apos;s name and your comment will be sent to the admins of this server. No message text is sent, and %1 is not told.</source>
        <translation>Ton nom, le nom de %1 et ton commentaire seront envoyés aux admins de ce serveur. Aucun texte de message n’est envoyé, et %1 n’est pas prévenu.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Envoi…</translation>
    </message>
    <message>
        <source>Send report</source>
        <translation>Envoyer le signalement</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore a backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <source>Type the passphrase you chose for this backup, or its backup key. Messages this computer has already stay as they are.</source>
        <translation>Saisis la phrase secrète choisie pour cette sauvegarde, ou sa clé. Les messages que cet ordinateur a déjà restent tels quels.</translation>
    </message>
    <message>
        <source>Passphrase or backup key</source>
        <translation>Phrase secrète ou clé de sauvegarde</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
</context>
<context>
    <name>SafetyNumberDialog</name>
    <message>
        <source>Safety number with %1</source>
        <translation>Numéro de sécurité avec %1</translation>
    </message>
    <message>
        <source>%1&apos;s security keys have changed. This happens when %1 reinstalls Parley, but it can also mean someone is trying to read your messages. Compare the numbers before you continue.</source>
        <translation>Les clés de sécurité de %1 ont changé. Cela arrive quand %1 réinstalle Parley, mais cela peut aussi signifier que quelqu’un essaie de lire tes messages. Compare les numéros avant de continuer.</translation>
    </message>
    <message>
        <source>Compare these numbers with the ones %1 sees. If they match, your messages reach only %1&apos;s devices.</source>
        <translation>Compare ces numéros avec ceux que voit %1. S’ils correspondent, tes messages n’atteignent que les appareils de %1.</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Calcul en cours…</translation>
    </message>
    <message numerus="yes">
        <source>Covers %n of %1&apos;s devices.</source>
        <translation>
            <numerusform>Couvre %n appareil de %1.</numerusform>
            <numerusform>Couvre %n appareils de %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Vérifier à nouveau</translation>
    </message>
    <message>
        <source>Acknowledge the change</source>
        <translation>Confirmer le changement</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>The safety number with %1 as a QR code</source>
        <translation>Le numéro de sécurité avec %1 sous forme de code QR</translation>
    </message>
    <message>
        <source>You marked %1 as verified. If %1&apos;s keys change, the mark goes away.</source>
        <translation>Tu as marqué %1 comme vérifié. Si les clés de %1 changent, la marque disparaît.</translation>
    </message>
    <message>
        <source>%1 is not verified.</source>
        <translation>%1 n’est pas vérifié.</translation>
    </message>
    <message>
        <source>Clear verification</source>
        <translation>Retirer la vérification</translation>
    </message>
    <message>
        <source>Mark as verified</source>
        <translation>Marquer comme vérifié</translation>
    </message>
</context>
<context>
    <name>SettingsDataTab</name>
    <message>
        <source>Export everything into a folder</source>
        <translation>Tout exporter dans un dossier</translation>
    </message>
    <message>
        <source>Import an export</source>
        <translation>Importer un export</translation>
    </message>
    <message>
        <source>Parley export (export.json conversation-*.json)</source>
        <translation>Export Parley (export.json conversation-*.json)</translation>
    </message>
    <message>
        <source>Export your conversations into a folder: a page for each one that any browser opens offline, the files this computer has, and JSON files for other programs. Exporting into the same folder again adds only what is new.</source>
        <translation>Exporte tes conversations dans un dossier&#xa0;: une page pour chacune, que tout navigateur ouvre hors ligne, les fichiers que cet ordinateur possède, et des fichiers JSON pour d’autres programmes. Exporter à nouveau dans le même dossier n’ajoute que ce qui est nouveau.</translation>
    </message>
    <message>
        <source>Export everything…</source>
        <translation>Tout exporter…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importer…</translation>
    </message>
    <message>
        <source>Importing reads an export&apos;s export.json into this profile; messages it has already are left as they are.</source>
        <translation>L’import lit le fichier export.json d’un export dans ce profil&#xa0;; les messages qu’il a déjà restent tels quels.</translation>
    </message>
    <message>
        <source>Where to keep the backup</source>
        <translation>Où garder la sauvegarde</translation>
    </message>
    <message>
        <source>Parley backup (*.parley-backup)</source>
        <translation>Sauvegarde Parley (*.parley-backup)</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Sauvegarde</translation>
    </message>
    <message>
        <source>Back up your history into one encrypted file that you keep, and restore it on a new computer after signing in. Later backups to the same file add only what is new.</source>
        <translation>Sauvegarde ton historique dans un fichier chiffré que tu gardes, et restaure-le sur un nouvel ordinateur après t’être connecté. Les sauvegardes suivantes dans le même fichier n’ajoutent que ce qui est nouveau.</translation>
    </message>
    <message>
        <source>Last backup: %1, in %2</source>
        <translation>Dernière sauvegarde&#xa0;: %1, dans %2</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Sauvegarder maintenant</translation>
    </message>
    <message>
        <source>New backup…</source>
        <translation>Nouvelle sauvegarde…</translation>
    </message>
    <message>
        <source>Back up…</source>
        <translation>Sauvegarder…</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Restaurer…</translation>
    </message>
    <message>
        <source>Write down your backup key: without it the backup cannot be restored.</source>
        <translation>Note ta clé de sauvegarde&#xa0;: sans elle, la sauvegarde ne peut pas être restaurée.</translation>
    </message>
    <message>
        <source>Show…</source>
        <translation>Afficher…</translation>
    </message>
    <message>
        <source>Show the backup key</source>
        <translation>Afficher la clé de sauvegarde</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Appareils</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>This device</source>
        <translation>Cet appareil</translation>
    </message>
    <message>
        <source>Device %1</source>
        <translation>Appareil %1</translation>
    </message>
    <message>
        <source>Logging out removes this device from your account; you choose whether its copy of your messages stays on this computer.</source>
        <translation>Se déconnecter retire cet appareil de ton compte&#xa0;; tu choisis si sa copie de tes messages reste sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Se déconnecter</translation>
    </message>
    <message>
        <source>Every computer where you logged in to Parley. Revoke one you no longer use or do not recognise: it is logged out at once.</source>
        <translation>Tous les ordinateurs où tu t’es connecté à Parley. Révoque celui que tu n’utilises plus ou que tu ne reconnais pas&#xa0;: il est déconnecté aussitôt.</translation>
    </message>
    <message>
        <source>Show a desktop notification for new messages</source>
        <translation>Afficher une notification de bureau pour les nouveaux messages</translation>
    </message>
    <message>
        <source>Show message text in notifications</source>
        <translation>Afficher le texte des messages dans les notifications</translation>
    </message>
    <message>
        <source>When off, a notification only says who wrote (“New message from alice”), so people near your screen do not read along.</source>
        <translation>Désactivé, une notification indique seulement qui a écrit («&#xa0;Nouveau message de alice&#xa0;»), pour que personne près de ton écran ne lise par-dessus ton épaule.</translation>
    </message>
    <message>
        <source>Muted conversations never notify. Mute or unmute one from its menu or by right-clicking it in the list.</source>
        <translation>Les conversations en sourdine n’envoient jamais de notification. Mets-en une en sourdine ou réactive-la depuis son menu ou d’un clic droit dans la liste.</translation>
    </message>
    <message>
        <source>Revoke this device?</source>
        <translation>Révoquer cet appareil&#xa0;?</translation>
    </message>
    <message>
        <source>“%1” will be logged out at once and can no longer read new messages.</source>
        <translation>«&#xa0;%1&#xa0;» sera déconnecté aussitôt et ne pourra plus lire les nouveaux messages.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Révoquer</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Confidentialité</translation>
    </message>
    <message>
        <source>Keep Parley running in the tray when the window is closed</source>
        <translation>Garder Parley dans la zone de notification quand la fenêtre est fermée</translation>
    </message>
    <message>
        <source>Messages and notifications keep arriving while the window is closed. Quit from the tray icon&apos;s menu or the main menu.</source>
        <translation>Les messages et les notifications continuent d’arriver quand la fenêtre est fermée. Quittez depuis le menu de l’icône de la zone de notification ou depuis le menu principal.</translation>
    </message>
    <message>
        <source>This desktop shows no tray icons, so closing the window quits Parley.</source>
        <translation>Ce bureau n’affiche pas d’icônes de zone de notification : fermer la fenêtre quitte donc Parley.</translation>
    </message>
    <message>
        <source>Blocked people</source>
        <translation>Personnes bloquées</translation>
    </message>
    <message>
        <source>People you block cannot write to you, start a chat with you or add you to a group, and do not see when you are online.</source>
        <translation>Les personnes que vous bloquez ne peuvent ni vous écrire, ni démarrer une discussion avec vous, ni vous ajouter à un groupe, et ne voient pas quand vous êtes en ligne.</translation>
    </message>
    <message>
        <source>You have not blocked anyone.</source>
        <translation>Vous n’avez bloqué personne.</translation>
    </message>
    <message>
        <source>User %1</source>
        <translation>Utilisateur %1</translation>
    </message>
    <message>
        <source>Unblock</source>
        <translation>Débloquer</translation>
    </message>
    <message>
        <source>Unblock %1</source>
        <translation>Débloquer %1</translation>
    </message>
    <message>
        <source>Choose a picture</source>
        <translation>Choisir une image</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.gif *.webp)</source>
        <translation>Images (*.jpg *.jpeg *.png *.gif *.webp)</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Nom affiché</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Choose picture…</source>
        <translation>Choisir une image…</translation>
    </message>
    <message>
        <source>Choose picture</source>
        <translation>Choisir une image</translation>
    </message>
    <message>
        <source>Remove picture</source>
        <translation>Retirer l’image</translation>
    </message>
    <message>
        <source>Saved: your contacts will see it.</source>
        <translation>Enregistré : vos contacts le verront.</translation>
    </message>
    <message>
        <source>Show when I was last seen</source>
        <translation>Montrer quand j’ai été vu pour la dernière fois</translation>
    </message>
    <message>
        <source>If you hide when you were last seen, you will not see when others were last seen either. Whether you are online now stays visible.</source>
        <translation>Si vous masquez quand vous avez été vu pour la dernière fois, vous ne le verrez pas non plus pour les autres. Le fait d’être en ligne reste visible.</translation>
    </message>
    <message>
        <source>You can change this while connected. If you hide when you were last seen, you will not see when others were last seen either.</source>
        <translation>Vous pouvez le modifier une fois connecté. Si vous masquez quand vous avez été vu pour la dernière fois, vous ne le verrez pas non plus pour les autres.</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sécurité</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Données</translation>
    </message>
</context>
<context>
    <name>SettingsSecurityTab</name>
    <message>
        <source>No system keychain is available and no passphrase is set: what Parley keeps on this computer is forgotten when you quit.</source>
        <translation>Aucun trousseau du système n’est disponible et aucune phrase secrète n’est définie&#xa0;: ce que Parley garde sur cet ordinateur est oublié quand tu quittes.</translation>
    </message>
    <message>
        <source>The system keychain opens Parley when you log in to your computer; your passphrase opens it when the keychain cannot.</source>
        <translation>Le trousseau du système ouvre Parley quand tu te connectes à ton ordinateur&#xa0;; ta phrase secrète l’ouvre quand le trousseau ne le peut pas.</translation>
    </message>
    <message>
        <source>The system keychain opens Parley when you log in to your computer.</source>
        <translation>Le trousseau du système ouvre Parley quand tu te connectes à ton ordinateur.</translation>
    </message>
    <message>
        <source>Parley asks for your passphrase every time it starts.</source>
        <translation>Parley demande ta phrase secrète à chaque démarrage.</translation>
    </message>
    <message>
        <source>Keep the key in the system keychain</source>
        <translation>Garder la clé dans le trousseau du système</translation>
    </message>
    <message>
        <source>Turn this off to be asked for your passphrase at every start, so that nothing on this computer opens Parley without you.</source>
        <translation>Désactive ceci pour que ta phrase secrète te soit demandée à chaque démarrage, afin que rien sur cet ordinateur n’ouvre Parley sans toi.</translation>
    </message>
    <message>
        <source>To be asked for a passphrase at every start instead, set one first.</source>
        <translation>Pour qu’une phrase secrète te soit plutôt demandée à chaque démarrage, définis-en d’abord une.</translation>
    </message>
    <message>
        <source>Change passphrase…</source>
        <translation>Changer la phrase secrète…</translation>
    </message>
    <message>
        <source>Set a passphrase…</source>
        <translation>Définir une phrase secrète…</translation>
    </message>
    <message>
        <source>Remove passphrase</source>
        <translation>Supprimer la phrase secrète</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Clé de récupération</translation>
    </message>
    <message>
        <source>The recovery key opens your history here when both the keychain and the passphrase fail. A new one replaces the old, which stops working.</source>
        <translation>La clé de récupération ouvre ton historique ici quand le trousseau et la phrase secrète échouent tous deux. Une nouvelle remplace l’ancienne, qui cesse de fonctionner.</translation>
    </message>
    <message>
        <source>Make a new recovery key…</source>
        <translation>Créer une nouvelle clé de récupération…</translation>
    </message>
    <message>
        <source>Make a new recovery key?</source>
        <translation>Créer une nouvelle clé de récupération&#xa0;?</translation>
    </message>
    <message>
        <source>The recovery key you wrote down will stop working. Write the new one down instead.</source>
        <translation>La clé de récupération que tu as notée cessera de fonctionner. Note plutôt la nouvelle.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Make a new key</source>
        <translation>Créer une nouvelle clé</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Back to conversations</source>
        <translation>Retour aux conversations</translation>
    </message>
    <message>
        <source>Search messages (Ctrl+Shift+F)</source>
        <translation>Rechercher dans les messages (Ctrl+Maj+F)</translation>
    </message>
    <message>
        <source>New chat (Ctrl+N)</source>
        <translation>Nouvelle discussion (Ctrl+N)</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <source>New group…</source>
        <translation>Nouveau groupe…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Paramètres…</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Se déconnecter</translation>
    </message>
    <message>
        <source>%1 messages not sent</source>
        <translation>%1 messages non envoyés</translation>
    </message>
    <message>
        <source>1 message not sent</source>
        <translation>1 message non envoyé</translation>
    </message>
    <message>
        <source>%1 messages waiting to be sent</source>
        <translation>%1 messages en attente d’envoi</translation>
    </message>
    <message>
        <source>1 message waiting to be sent</source>
        <translation>1 message en attente d’envoi</translation>
    </message>
    <message>
        <source>Search messages</source>
        <translation>Rechercher dans les messages</translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation>Rechercher des conversations</translation>
    </message>
    <message>
        <source>Messages found</source>
        <translation>Messages trouvés</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2&#xa0;: %3</translation>
    </message>
    <message>
        <source>No message matches “%1”.</source>
        <translation>Aucun message ne correspond à «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Type to search the messages on this device.</source>
        <translation>Tape pour rechercher dans les messages de cet appareil.</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Conversations</translation>
    </message>
    <message>
        <source>No conversation matches “%1”.</source>
        <translation>Aucune conversation ne correspond à «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>No conversations yet.
Start one with the button above.</source>
        <translation>Pas encore de conversation.
Lances-en une avec le bouton ci-dessus.</translation>
    </message>
    <message>
        <source>Unmute notifications</source>
        <translation>Réactiver les notifications</translation>
    </message>
    <message>
        <source>Mute notifications</source>
        <translation>Mettre les notifications en sourdine</translation>
    </message>
    <message>
        <source>Mark as read</source>
        <translation>Marquer comme lu</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
</context>
<context>
    <name>SignInAgainDialog</name>
    <message>
        <source>Sign in again</source>
        <translation>Se reconnecter</translation>
    </message>
    <message>
        <source>Enter the password of %1 on %2. This computer becomes a new device; your history stays here and your unsent messages are sent.</source>
        <translation>Saisis le mot de passe de %1 sur %2. Cet ordinateur devient un nouvel appareil&#xa0;; ton historique reste ici et tes messages non envoyés sont envoyés.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>today at %1</source>
        <translation>aujourd’hui à %1</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 à %2</translation>
    </message>
    <message>
        <source>d MMM yyyy</source>
        <extracomment>A date as a Qt date format (d day, MMM short month name, yyyy year)</extracomment>
        <translation>d MMM yyyy</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>last seen just now</source>
        <translation>vu à l’instant</translation>
    </message>
    <message numerus="yes">
        <source>last seen %n minute(s) ago</source>
        <translation>
            <numerusform>vu il y a %n minute</numerusform>
            <numerusform>vu il y a %n minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>last seen today at %1</source>
        <translation>vu aujourd’hui à %1</translation>
    </message>
    <message>
        <source>last seen yesterday at %1</source>
        <translation>vu hier à %1</translation>
    </message>
    <message>
        <source>last seen %1</source>
        <translation>vu le %1</translation>
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
        <translation>Parley&#xa0;: 1 message non lu</translation>
    </message>
    <message>
        <source>Parley: %1 unread messages</source>
        <translation>Parley&#xa0;: %1 messages non lus</translation>
    </message>
    <message>
        <source>Open Parley</source>
        <translation>Ouvrir Parley</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
</context>
<context>
    <name>TrustServerDialog</name>
    <message>
        <source>Is this your server?</source>
        <translation>Est-ce bien ton serveur&#xa0;?</translation>
    </message>
    <message>
        <source>This is the first connection to %1, and no trusted authority vouches for its certificate. Compare its fingerprint with the one your administrator gives you (parleyd prints it when it starts). Parley remembers it and refuses the server if it ever changes.</source>
        <translation>C’est la première connexion à %1, et aucune autorité de confiance ne garantit son certificat. Compare son empreinte avec celle que te donne ton administrateur (parleyd l’affiche au démarrage). Parley la mémorise et refuse le serveur si elle change un jour.</translation>
    </message>
    <message>
        <source>Do not connect</source>
        <translation>Ne pas se connecter</translation>
    </message>
    <message>
        <source>Trust and connect</source>
        <translation>Faire confiance et se connecter</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <source>Parley is locked</source>
        <translation>Parley est verrouillé</translation>
    </message>
    <message>
        <source>Enter the recovery key you wrote down when you set Parley up.</source>
        <translation>Saisis la clé de récupération que tu as notée lors de la configuration de Parley.</translation>
    </message>
    <message>
        <source>Enter your passphrase to open your conversations on this computer.</source>
        <translation>Saisis ta phrase secrète pour ouvrir tes conversations sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <source>ABCD-EFGH-…</source>
        <translation>ABCD-EFGH-…</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Clé de récupération</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
    <message>
        <source>Use my passphrase</source>
        <translation>Utiliser ma phrase secrète</translation>
    </message>
    <message>
        <source>Use the recovery key instead</source>
        <translation>Utiliser plutôt la clé de récupération</translation>
    </message>
</context>
<context>
    <name>VerifiedMark</name>
    <message>
        <source>%1 is verified</source>
        <translation>%1 est vérifié</translation>
    </message>
    <message>
        <source>Verified: you compared safety numbers with %1</source>
        <translation>Vérifié&#xa0;: tu as comparé les numéros de sécurité avec %1</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to Parley</source>
        <translation>Bienvenue sur Parley</translation>
    </message>
    <message>
        <source>Private conversations with the people you work with. Messages are stored on your computer and sent the moment you are online.</source>
        <translation>Des conversations privées avec les personnes avec qui tu travailles. Les messages sont enregistrés sur ton ordinateur et envoyés dès que tu es en ligne.</translation>
    </message>
    <message>
        <source>Create an account</source>
        <translation>Créer un compte</translation>
    </message>
    <message>
        <source>I already have an account</source>
        <translation>J’ai déjà un compte</translation>
    </message>
</context>
</TS>
