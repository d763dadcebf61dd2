import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Parley

// The right-hand panel of a group: its name, its members with their roles, and what an
// owner or admin can do (rename, add, remove, make admin). Everyone can leave, and report
// another member to the server's admins.
Rectangle {
    id: panel

    required property Client client
    property real conversationId: -1
    readonly property Chat chat: conversationId >= 0 ? client.chat(conversationId) : null
    readonly property MessageListModel messages: chat ? chat.messages : null
    readonly property MemberListModel members: chat ? chat.members : null
    readonly property bool isGroup: messages !== null && chat.isGroup
    // Direct chats have no group to manage: the panel only lists the two people.
    readonly property bool canManage: isGroup && members !== null && members.canManage

    signal leaveRequested()
    signal safetyNumberRequested(real userId, string username)

    function open() {
        visible = true
    }

    function close() {
        visible = false
    }

    visible: false
    color: Theme.sidebar
    Keys.onEscapePressed: close()

    Rectangle {
        anchors.left: parent.left
        width: 1
        height: parent.height
        color: Theme.divider
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.leftMargin: 1
        spacing: 0

        RowLayout {
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.headerHeight
            Layout.leftMargin: Theme.spacingLarge
            Layout.rightMargin: Theme.spacing

            Label {
                Layout.fillWidth: true
                text: panel.isGroup ? qsTr("Group info") : qsTr("Chat info")
                font.pixelSize: Theme.fontSizeLarge
                font.weight: Font.DemiBold
                color: Theme.text
            }

            IconButton {
                objectName: "closeMembersButton"
                iconName: "close"
                toolTipText: qsTr("Close")
                onClicked: panel.close()
            }
        }

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: 1
            color: Theme.divider
        }

        // The group's name; editable by owners and admins.
        ColumnLayout {
            visible: panel.isGroup
            Layout.fillWidth: true
            Layout.margins: Theme.spacingLarge
            spacing: Theme.spacing

            Label {
                text: qsTr("Name")
                color: Theme.secondaryText
                font.pixelSize: Theme.fontSizeSmall + 1
            }

            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacingSmall

                TextField {
                    id: titleField
                    objectName: "groupTitleField"
                    Layout.fillWidth: true
                    text: panel.messages ? panel.chat.title : ""
                    readOnly: !panel.canManage
                    selectByMouse: true
                    Accessible.name: qsTr("Group name")
                    onAccepted: renameButton.clicked()
                }

                // Hidden by opacity, not `visible`: Qt 6.4's RowLayout misplaces an item that
                // becomes visible while the panel is hidden.
                IconButton {
                    id: renameButton
                    objectName: "renameGroupButton"
                    opacity: panel.canManage ? 1 : 0
                    enabled: panel.canManage && titleField.text.trim().length > 0
                             && panel.messages !== null && titleField.text.trim() !== panel.chat.title
                    iconName: "check"
                    iconColor: Theme.accent
                    toolTipText: qsTr("Rename group")
                    onClicked: panel.chat.rename(titleField.text.trim())
                }
            }

            Label {
                Layout.topMargin: Theme.spacing
                visible: panel.canManage
                text: qsTr("Add a member")
                color: Theme.secondaryText
                font.pixelSize: Theme.fontSizeSmall + 1
            }

            RowLayout {
                Layout.fillWidth: true
                visible: panel.canManage
                spacing: Theme.spacingSmall

                TextField {
                    id: addField
                    objectName: "addMemberField"
                    Layout.fillWidth: true
                    placeholderText: qsTr("Username")
                    selectByMouse: true
                    inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText
                    Accessible.name: qsTr("Username to add")
                    onAccepted: addButton.clicked()
                }

                IconButton {
                    id: addButton
                    objectName: "addMemberButton"
                    enabled: addField.text.trim().length > 0
                    iconName: "person-add"
                    iconColor: Theme.accent
                    toolTipText: qsTr("Add to group")
                    onClicked: {
                        panel.chat.addMember(addField.text.trim())
                        addField.clear()
                    }
                }
            }
        }

        Label {
            Layout.leftMargin: Theme.spacingLarge
            Layout.bottomMargin: Theme.spacingSmall
            Layout.topMargin: panel.isGroup ? 0 : Theme.spacingLarge
            text: qsTr("Members · %1").arg(memberList.count)
            color: Theme.secondaryText
            font.pixelSize: Theme.fontSizeSmall + 1
            font.weight: Font.DemiBold
        }

        ListView {
            id: memberList
            objectName: "memberList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: panel.members
            boundsBehavior: Flickable.StopAtBounds
            activeFocusOnTab: true
            Accessible.name: qsTr("Members")
            Accessible.role: Accessible.List
            ScrollBar.vertical: ScrollBar {}

            delegate: MemberDelegate {
                width: ListView.view.width
                canManage: panel.canManage
                client: panel.client
                presenceKnown: panel.client.state === Client.Online
                verified: panel.chat !== null && panel.chat.security !== null
                          && panel.chat.security.verifiedUserIds.indexOf(userId) >= 0
                onSafetyNumberRequested: panel.safetyNumberRequested(userId, username)
                onMenuRequested: (item) => {
                    memberMenu.userId = userId
                    memberMenu.username = username
                    memberMenu.role = role
                    memberMenu.popup(item, item.width - memberMenu.width, item.height)
                }
            }
        }

        Button {
            objectName: "leaveGroupButton"
            Layout.fillWidth: true
            Layout.margins: Theme.spacingLarge
            visible: panel.isGroup && panel.chat.canSend
            flat: true
            text: qsTr("Leave group")
            Material.foreground: Theme.danger
            Accessible.name: text
            onClicked: panel.leaveRequested()
        }
    }

    PopupMenu {
        id: memberMenu
        objectName: "memberMenu"

        property real userId: -1
        property string username
        property int role: States.Member

        MenuItem {
            objectName: "makeAdminMenuItem"
            visible: panel.canManage
            height: visible ? implicitHeight : 0
            text: memberMenu.role === States.Admin ? qsTr("Remove admin rights") : qsTr("Make admin")
            enabled: memberMenu.role !== States.Owner
            Accessible.name: text
            onTriggered: panel.chat.setRole(memberMenu.userId,
                                            memberMenu.role === States.Admin ? States.Member : States.Admin)
        }
        MenuItem {
            objectName: "removeMemberMenuItem"
            visible: panel.canManage
            height: visible ? implicitHeight : 0
            text: qsTr("Remove %1 from the group").arg(memberMenu.username)
            enabled: memberMenu.role !== States.Owner
            Accessible.name: text
            onTriggered: panel.chat.removeMember(memberMenu.userId)
        }
        MenuItem {
            objectName: "reportMemberMenuItem"
            text: qsTr("Report %1…").arg(memberMenu.username)
            Accessible.name: text
            onTriggered: reportDialog.openForPerson(panel.chat, memberMenu.userId,
                                                    memberMenu.username)
        }
    }

    ReportDialog {
        id: reportDialog
        client: panel.client
    }
}
