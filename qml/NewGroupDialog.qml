import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Parley

// Creates a group from a title and the usernames typed (separated by commas or spaces).
ModalDialog {
    id: dialog

    required property Client client
    property bool pending: false
    property string error
    // The usernames as typed, split at commas and white space.
    readonly property var usernames: membersField.text.split(/[\s,;]+/).filter(name => name.length > 0)

    objectName: "newGroupDialog"
    width: 460
    focus: true
    title: qsTr("New group")
    closePolicy: pending ? Popup.NoAutoClose : Popup.CloseOnEscape | Popup.CloseOnPressOutside

    function create() {
        if (titleField.text.trim().length === 0 || pending)
            return
        error = ""
        pending = true
        client.createGroup(titleField.text.trim(), usernames)
    }

    onAboutToShow: {
        titleField.clear()
        membersField.clear()
        error = ""
        pending = false
        titleField.forceActiveFocus()
    }

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
            text: qsTr("Group name")
            color: Theme.secondaryText
            font.pixelSize: Theme.fontSizeSmall + 1
        }
        TextField {
            id: titleField
            objectName: "groupTitleInput"
            Layout.fillWidth: true
            placeholderText: qsTr("e.g. Design team")
            enabled: !dialog.pending
            selectByMouse: true
            Accessible.name: qsTr("Group name")
            onAccepted: membersField.forceActiveFocus()
        }

        Label {
            Layout.topMargin: Theme.spacing
            text: qsTr("Members")
            color: Theme.secondaryText
            font.pixelSize: Theme.fontSizeSmall + 1
        }
        TextField {
            id: membersField
            objectName: "groupMembersInput"
            Layout.fillWidth: true
            placeholderText: qsTr("Usernames, separated by commas")
            enabled: !dialog.pending
            selectByMouse: true
            inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText
            Accessible.name: qsTr("Members' usernames")
            onAccepted: dialog.create()
        }
        Label {
            Layout.fillWidth: true
            text: dialog.usernames.length === 0
                  ? qsTr("You can add people later too.")
                  : dialog.usernames.length === 1 ? qsTr("1 person will be added.")
                  : qsTr("%1 people will be added.").arg(dialog.usernames.length)
            color: Theme.secondaryText
            font.pixelSize: Theme.fontSizeSmall + 1
        }

        Label {
            objectName: "newGroupError"
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
                objectName: "newGroupCancelButton"
                text: qsTr("Cancel")
                flat: true
                enabled: !dialog.pending
                Accessible.name: text
                onClicked: dialog.close()
            }
            AccentButton {
                objectName: "createGroupButton"
                text: dialog.pending ? qsTr("Creating…") : qsTr("Create group")
                enabled: titleField.text.trim().length > 0 && !dialog.pending
                Accessible.name: qsTr("Create group")
                onClicked: dialog.create()
            }
        }
    }
}
