import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Parley

// Starts a direct chat: with someone from the contact list (everyone who shares a
// conversation with the user, searched by name or username) or with any username typed. The
// dialog stays open (busy) until the client opens the conversation or reports an error.
ModalDialog {
    id: dialog

    required property Client client
    property bool pending: false
    property string error

    objectName: "newChatDialog"
    width: 420
    focus: true
    title: qsTr("New chat")
    closePolicy: pending ? Popup.NoAutoClose : Popup.CloseOnEscape | Popup.CloseOnPressOutside

    readonly property string typed: usernameField.text.trim()
    // Who Enter or "Start chat" starts with: the contact chosen in the list, else the
    // username as typed.
    readonly property string target: contactList.currentIndex >= 0
                                     ? contactList.currentItem ? contactList.currentItem.username : ""
                                     : typed

    function start() {
        startWith(target)
    }

    function startWith(username) {
        if (username.length === 0 || pending)
            return
        error = ""
        pending = true
        client.startDirectChat(username)
    }

    // A contact whose username is what was typed comes first; otherwise the best match is
    // chosen once something is typed, and nothing while the field is empty.
    function chooseDefault(text) {
        // The view applies model changes once per frame; the choice is made on the new rows.
        contactList.forceLayout()
        const exact = client.contacts.rowOfUsername(text)
        if (exact >= 0)
            contactList.currentIndex = exact
        else
            contactList.currentIndex = text.length > 0 && client.contacts.count > 0 ? 0 : -1
    }

    onAboutToShow: {
        usernameField.clear()
        client.contacts.filter = ""
        contactList.currentIndex = -1
        error = ""
        pending = false
        usernameField.forceActiveFocus()
    }
    onClosed: client.contacts.filter = ""

    Connections {
        target: dialog.client
        enabled: dialog.pending

        function onConversationOpened(conversationId) {
            dialog.pending = false
            dialog.close()
        }

        function onErrorOccurred(code, message) {
            dialog.pending = false
            dialog.error = message
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: qsTr("Who do you want to talk to? Search your contacts by name or username, or type any username.")
            color: Theme.secondaryText
        }

        TextField {
            id: usernameField
            objectName: "newChatUsername"
            Layout.fillWidth: true
            placeholderText: qsTr("Name or username")
            enabled: !dialog.pending
            selectByMouse: true
            inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText
            Accessible.name: qsTr("Name or username")
            onTextChanged: {
                dialog.client.contacts.filter = text.trim()
                dialog.chooseDefault(text.trim())
            }
            onAccepted: dialog.start()
            Keys.onDownPressed: {
                if (contactList.count > 0) {
                    contactList.currentIndex = Math.min(contactList.currentIndex + 1, contactList.count - 1)
                    contactList.positionViewAtIndex(contactList.currentIndex, ListView.Contain)
                }
            }
            Keys.onUpPressed: {
                if (contactList.currentIndex >= 0) {
                    contactList.currentIndex = contactList.currentIndex - 1
                    if (contactList.currentIndex >= 0)
                        contactList.positionViewAtIndex(contactList.currentIndex, ListView.Contain)
                }
            }
        }

        ListView {
            id: contactList
            objectName: "contactList"
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(contentHeight, 5 * 52)
            visible: count > 0
            clip: true
            currentIndex: -1
            model: dialog.client.contacts
            keyNavigationEnabled: false
            // Typing keeps the focus in the field; Up and Down there move the choice.
            focus: false
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Contacts")
            ScrollBar.vertical: ScrollBar { }

            delegate: ItemDelegate {
                id: contactRow

                required property int index
                required property string username
                required property string name
                required property bool online
                required property string avatarSource

                objectName: "contact:" + username
                width: ListView.view.width
                height: 52
                focusPolicy: Qt.NoFocus
                enabled: !dialog.pending
                highlighted: ListView.isCurrentItem
                Accessible.name: name === username ? username : qsTr("%1, @%2").arg(name).arg(username)
                onClicked: {
                    contactList.currentIndex = index
                    dialog.startWith(username)
                }

                background: Rectangle {
                    radius: 8
                    color: contactRow.highlighted ? Theme.selection
                                                  : contactRow.hovered ? Theme.hover : "transparent"
                }

                contentItem: RowLayout {
                    spacing: Theme.spacing

                    Avatar {
                        implicitWidth: Theme.smallAvatarSize
                        implicitHeight: Theme.smallAvatarSize
                        name: contactRow.name
                        source: contactRow.avatarSource
                        showPresence: true
                        online: contactRow.online
                        ringColor: Theme.surface
                    }

                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 0

                        Label {
                            objectName: "contactName"
                            Layout.fillWidth: true
                            text: contactRow.name
                            elide: Text.ElideRight
                            font.pixelSize: Theme.fontSize
                            color: Theme.text
                        }
                        Label {
                            objectName: "contactUsername"
                            Layout.fillWidth: true
                            visible: contactRow.name !== contactRow.username
                            text: "@" + contactRow.username
                            elide: Text.ElideRight
                            font.pixelSize: Theme.fontSizeSmall
                            color: Theme.secondaryText
                        }
                    }
                }
            }
        }

        Label {
            objectName: "noContactsLabel"
            Layout.fillWidth: true
            visible: contactList.count === 0
            wrapMode: Text.Wrap
            text: dialog.typed.length > 0
                  ? qsTr("None of your contacts matches. \"Start chat\" looks up the username \"%1\".").arg(dialog.typed)
                  : qsTr("No contacts yet: the people you share a conversation with appear here.")
            color: Theme.secondaryText
        }

        Label {
            objectName: "newChatError"
            Layout.fillWidth: true
            visible: dialog.error.length > 0
            text: dialog.error
            wrapMode: Text.Wrap
            color: Theme.danger
        }
    }

    footer: Item {
        implicitHeight: buttons.implicitHeight + Theme.spacingLarge

        RowLayout {
            id: buttons
            anchors.right: parent.right
            anchors.rightMargin: Theme.spacingHuge
            anchors.top: parent.top
            spacing: Theme.spacing

            Button {
                objectName: "newChatCancelButton"
                text: qsTr("Cancel")
                flat: true
                enabled: !dialog.pending
                Accessible.name: text
                onClicked: dialog.close()
            }
            AccentButton {
                objectName: "startChatButton"
                text: dialog.pending ? qsTr("Starting…") : qsTr("Start chat")
                enabled: dialog.target.length > 0 && !dialog.pending
                Accessible.name: qsTr("Start chat")
                onClicked: dialog.start()
            }
        }
    }
}
