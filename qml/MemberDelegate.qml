import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Parley

// One member of a group: avatar with presence, name, role, and a menu of actions on that
// member (report; for owners and admins also the role and removal).
ItemDelegate {
    id: row

    required property real userId
    required property string username
    required property int role
    required property bool online
    required property bool isSelf
    required property string displayName
    required property string avatarSource
    // The display name when they gave one, else the username.
    readonly property string shownName: displayName.length > 0 ? displayName : username
    property bool canManage: false
    // Only for its language: the role word follows a language switch.
    property Client client: null
    // Others' presence is only known while connected.
    property bool presenceKnown: true
    // I compared safety numbers with them and marked them as verified.
    property bool verified: false

    signal menuRequested(Item item)
    signal safetyNumberRequested()

    objectName: "member:" + username
    height: 52
    leftPadding: Theme.spacingLarge
    rightPadding: Theme.spacing
    focusPolicy: Qt.NoFocus
    Accessible.name: {
        const name = verified ? qsTr("%1, verified").arg(shownName) : shownName
        return role === States.Member ? name : qsTr("%1, %2").arg(name).arg(roleLabel.text)
    }

    background: Rectangle {
        color: row.hovered ? Theme.hover : "transparent"
    }

    contentItem: RowLayout {
        spacing: Theme.spacing

        Avatar {
            implicitWidth: Theme.smallAvatarSize
            implicitHeight: Theme.smallAvatarSize
            name: row.shownName
            source: row.avatarSource
            showPresence: true
            online: row.online && (row.isSelf || row.presenceKnown)
        }

        ColumnLayout {
            Layout.fillWidth: true
            spacing: 0

            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacingSmall

                Label {
                    objectName: "memberName"
                    Layout.fillWidth: !verifiedMark.visible
                    text: row.isSelf ? qsTr("%1 (you)").arg(row.shownName) : row.shownName
                    elide: Text.ElideRight
                    font.pixelSize: Theme.fontSize
                    color: Theme.text
                }

                VerifiedMark {
                    id: verifiedMark
                    objectName: "memberVerifiedMark"
                    visible: row.verified
                    name: row.shownName
                }

                Item { Layout.fillWidth: verifiedMark.visible }
            }

            // The username under a display name: the one to @mention.
            Label {
                objectName: "memberUsername"
                Layout.fillWidth: true
                visible: row.displayName.length > 0 && row.displayName !== row.username
                text: "@" + row.username
                elide: Text.ElideRight
                font.pixelSize: Theme.fontSizeSmall
                color: Theme.secondaryText
            }
        }

        Rectangle {
            visible: row.role !== States.Member
            implicitWidth: roleLabel.implicitWidth + Theme.spacing * 2
            implicitHeight: roleLabel.implicitHeight + Theme.spacingSmall
            radius: height / 2
            color: Theme.selection

            Label {
                id: roleLabel
                objectName: "memberRole"
                anchors.centerIn: parent
                // Reads client.language: the word follows a language switch at once.
                text: (row.client ? row.client.language : "", StateText.memberRole(row.role))
                font.pixelSize: Theme.fontSizeSmall
                font.weight: Font.DemiBold
                color: Theme.accent
            }
        }

        IconButton {
            objectName: "safetyNumberButton"
            enabled: !row.isSelf
            opacity: enabled ? 1 : 0
            implicitWidth: 32
            implicitHeight: 32
            iconName: "shield"
            toolTipText: qsTr("Safety number with %1").arg(row.username)
            onClicked: row.safetyNumberRequested()
        }

        IconButton {
            id: menuButton
            objectName: "memberMenuButton"
            // Kept in the layout when hidden, so the role chips line up.
            enabled: !row.isSelf
            opacity: enabled ? 1 : 0
            implicitWidth: 32
            implicitHeight: 32
            iconName: "more"
            toolTipText: qsTr("Actions for %1").arg(row.username)
            onClicked: row.menuRequested(menuButton)
        }
    }
}
