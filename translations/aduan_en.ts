<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AccountForm</name>
    <message>
        <source>Advanced, for IT: add an account with a token</source>
        <translation>Advanced, for IT: add an account with a token</translation>
    </message>
    <message>
        <source>&amp;Platform:</source>
        <translation>&amp;Platform:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;API address:</source>
        <translation>&amp;API address:</translation>
    </message>
    <message>
        <source>P&amp;arameters:</source>
        <translation>P&amp;arameters:</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>Account name</translation>
    </message>
    <message>
        <source>API address (optional)</source>
        <translation>API address (optional)</translation>
    </message>
    <message>
        <source>Parameters, one key=value per line</source>
        <translation>Parameters, one key=value per line</translation>
    </message>
    <message>
        <source>Access token (hidden; kept only in the system keyring)</source>
        <translation>Access token (hidden; kept only in the system keyring)</translation>
    </message>
    <message>
        <source>e.g. humaspolrescontoh</source>
        <translation>e.g. humaspolrescontoh</translation>
    </message>
    <message>
        <source>Paste the token; it is stored in the keyring</source>
        <translation>Paste the token; it is stored in the keyring</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>Add account</translation>
    </message>
    <message>
        <source>Add the account and store its token</source>
        <translation>Add the account and store its token</translation>
    </message>
    <message>
        <source>default: {address}</source>
        <translation>default: {address}</translation>
    </message>
</context>
<context>
    <name>AccountNotice</name>
    <message>
        <source>%1 must be connected again</source>
        <translation>%1 must be connected again</translation>
    </message>
    <message>
        <source>The platform no longer renews this account&apos;s sign-in (revoked, expired or the password changed). Connect it again: its complaints, replies and notes stay.</source>
        <translation>The platform no longer renews this account&apos;s sign-in (revoked, expired or the password changed). Connect it again: its complaints, replies and notes stay.</translation>
    </message>
    <message>
        <source>%1: the sign-in ends in %2</source>
        <translation>%1: the sign-in ends in %2</translation>
    </message>
</context>
<context>
    <name>AccountNoticeBar</name>
    <message>
        <source>(and %1 more)</source>
        <translation>(and %1 more)</translation>
    </message>
    <message>
        <source>Connect again</source>
        <translation>Connect again</translation>
    </message>
    <message>
        <source>Connect the account again</source>
        <translation>Connect the account again</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <source>⚠ Needs a new token: {names}. Select the account, paste a new token and press “Save new token”.</source>
        <translation>⚠ Needs a new token: {names}. Select the account, paste a new token and press “Save new token”.</translation>
    </message>
    <message>
        <source>⚠ Must be connected again: {names}. The platform no longer renews their sign-in; connecting again keeps their complaints.</source>
        <translation>⚠ Must be connected again: {names}. The platform no longer renews their sign-in; connecting again keeps their complaints.</translation>
    </message>
    <message>
        <source>Parameters: {detail}</source>
        <translation>Parameters: {detail}</translation>
    </message>
    <message>
        <source>Enter the account&apos;s name and its token.</source>
        <translation>Enter the account&apos;s name and its token.</translation>
    </message>
    <message>
        <source>Account {name} added.</source>
        <translation>Account {name} added.</translation>
    </message>
    <message>
        <source>Paste the new token first.</source>
        <translation>Paste the new token first.</translation>
    </message>
    <message>
        <source>New token saved for {name}.</source>
        <translation>New token saved for {name}.</translation>
    </message>
    <message>
        <source>Account {name} removed; its token was deleted.</source>
        <translation>Account {name} removed; its token was deleted.</translation>
    </message>
    <message>
        <source>Account {name} disabled and kept with its complaints; its token was deleted.</source>
        <translation>Account {name} disabled and kept with its complaints; its token was deleted.</translation>
    </message>
    <message>
        <source>Testing the connection of {name}…</source>
        <translation>Testing the connection of {name}…</translation>
    </message>
    <message>
        <source>{name}: {problem}</source>
        <translation>{name}: {problem}</translation>
    </message>
    <message>
        <source>{name}: the connection works.</source>
        <translation>{name}: the connection works.</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>Remove account</translation>
    </message>
    <message>
        <source>Remove {name}? Its token is deleted from the keyring. Complaints already received stay in the desk.</source>
        <translation>Remove {name}? Its token is deleted from the keyring. Complaints already received stay in the desk.</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <source>The unit&apos;s accounts</source>
        <translation>The unit&apos;s accounts</translation>
    </message>
    <message>
        <source>New token for the selected account</source>
        <translation>New token for the selected account</translation>
    </message>
    <message>
        <source>New token for the selected account (hidden)</source>
        <translation>New token for the selected account (hidden)</translation>
    </message>
    <message>
        <source>Save new token</source>
        <translation>Save new token</translation>
    </message>
    <message>
        <source>Save the new token in the keyring</source>
        <translation>Save the new token in the keyring</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <source>Test the selected account&apos;s connection</source>
        <translation>Test the selected account&apos;s connection</translation>
    </message>
    <message>
        <source>Connect an account…</source>
        <translation>Connect an account…</translation>
    </message>
    <message>
        <source>Connect an account by signing in</source>
        <translation>Connect an account by signing in</translation>
    </message>
    <message>
        <source>Connect again</source>
        <translation>Connect again</translation>
    </message>
    <message>
        <source>Sign in with the selected account&apos;s platform again</source>
        <translation>Sign in with the selected account&apos;s platform again</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Remove the selected account</source>
        <translation>Remove the selected account</translation>
    </message>
</context>
<context>
    <name>AccountsModel</name>
    <message>
        <source>Platform</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>API address</source>
        <translation>API address</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Last error</translation>
    </message>
    <message>
        <source>(default)</source>
        <translation>(default)</translation>
    </message>
</context>
<context>
    <name>ChoosePage</name>
    <message>
        <source>Choose the platform. You sign in with the unit&apos;s account in your browser and approve Aduan Desk; the account&apos;s ids are found by themselves.</source>
        <translation>Choose the platform. You sign in with the unit&apos;s account in your browser and approve Aduan Desk; the account&apos;s ids are found by themselves.</translation>
    </message>
    <message>
        <source>Connect %1</source>
        <translation>Connect %1</translation>
    </message>
    <message>
        <source>Advanced: enter a token by hand (for IT)…</source>
        <translation>Advanced: enter a token by hand (for IT)…</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Author</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Showing {shown} of {total} complaints.</source>
        <translation>Showing {shown} of {total} complaints.</translation>
    </message>
    <message>
        <source>No matching complaint.</source>
        <translation>No matching complaint.</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>Replies</translation>
    </message>
    <message>
        <source>Progress notes</source>
        <translation>Progress notes</translation>
    </message>
    <message>
        <source>public</source>
        <translation>public</translation>
    </message>
    <message>
        <source>internal</source>
        <translation>internal</translation>
    </message>
    <message>
        <source>Reply #{id} queued for sending.</source>
        <translation>Reply #{id} queued for sending.</translation>
    </message>
    <message>
        <source>Note #{id} saved.</source>
        <translation>Note #{id} saved.</translation>
    </message>
    <message>
        <source>Note #{id} saved and queued as reply #{reply}.</source>
        <translation>Note #{id} saved and queued as reply #{reply}.</translation>
    </message>
    <message>
        <source>Complaint #{id} is now {status}.</source>
        <translation>Complaint #{id} is now {status}.</translation>
    </message>
    <message>
        <source>The outbox is empty.</source>
        <translation>The outbox is empty.</translation>
    </message>
    <message>
        <source>complaint #{id}</source>
        <translation>complaint #{id}</translation>
    </message>
    <message>
        <source>{count} sample complaints loaded into {home}.</source>
        <translation>{count} sample complaints loaded into {home}.</translation>
    </message>
    <message>
        <source>Account #{id} {channel}/{name} added.</source>
        <translation>Account #{id} {channel}/{name} added.</translation>
    </message>
    <message>
        <source>#{id}: account and its token removed.</source>
        <translation>#{id}: account and its token removed.</translation>
    </message>
    <message>
        <source>#{id}: token removed; the account is kept disabled for its complaints.</source>
        <translation>#{id}: token removed; the account is kept disabled for its complaints.</translation>
    </message>
    <message>
        <source>#{id}: token replaced.</source>
        <translation>#{id}: token replaced.</translation>
    </message>
    <message>
        <source>On a phone or another computer, open {url}, enter this code and approve Aduan Desk (waiting for it):
{code}</source>
        <translation>On a phone or another computer, open {url}, enter this code and approve Aduan Desk (waiting for it):
{code}</translation>
    </message>
    <message>
        <source>The station login&apos;s password is kept in this user&apos;s keyring ({name}).</source>
        <translation>The station login&apos;s password is kept in this user&apos;s keyring ({name}).</translation>
    </message>
    <message>
        <source>Sign in with the platform in the browser (waiting for it to come back):
{url}</source>
        <translation>Sign in with the platform in the browser (waiting for it to come back):
{url}</translation>
    </message>
    <message>
        <source>Account #{id} {channel}/{name} connected.</source>
        <translation>Account #{id} {channel}/{name} connected.</translation>
    </message>
    <message>
        <source>Account #{id} {channel}/{name} connected again; its complaints are kept.</source>
        <translation>Account #{id} {channel}/{name} connected again; its complaints are kept.</translation>
    </message>
    <message>
        <source>Warning: without the scope {scope} it {words}.</source>
        <translation>Warning: without the scope {scope} it {words}.</translation>
    </message>
    <message>
        <source>Reply #{id} queued for sending again.</source>
        <translation>Reply #{id} queued for sending again.</translation>
    </message>
    <message>
        <source>Reply #{id} cancelled; it will not be sent.</source>
        <translation>Reply #{id} cancelled; it will not be sent.</translation>
    </message>
    <message>
        <source>Outbox: {sent} sent, {failed} failed, {uncertain} being checked.</source>
        <translation>Outbox: {sent} sent, {failed} failed, {uncertain} being checked.</translation>
    </message>
    <message>
        <source>Valid profile: {unit} ({level}, {zone}), {accounts} accounts, {templates} templates.</source>
        <translation>Valid profile: {unit} ({level}, {zone}), {accounts} accounts, {templates} templates.</translation>
    </message>
    <message>
        <source>Profile {file} applied.</source>
        <translation>Profile {file} applied.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>PROBLEM</source>
        <translation>PROBLEM</translation>
    </message>
    <message>
        <source>Data folder: {folder}</source>
        <translation>Data folder: {folder}</translation>
    </message>
    <message>
        <source>--param {pair}: write it as KEY=VALUE</source>
        <translation>--param {pair}: write it as KEY=VALUE</translation>
    </message>
    <message>
        <source>name the profile file: profile check FILE</source>
        <translation>name the profile file: profile check FILE</translation>
    </message>
</context>
<context>
    <name>ComplaintHeader</name>
    <message>
        <source>{channel} · {account} · complaint #{id} · received {time}</source>
        <translation>{channel} · {account} · complaint #{id} · received {time}</translation>
    </message>
    <message>
        <source>Complaint from {author}</source>
        <translation>Complaint from {author}</translation>
    </message>
</context>
<context>
    <name>ComplaintPane</name>
    <message>
        <source>The unit&apos;s template file could not be read; the default templates are used. ({detail})</source>
        <translation>The unit&apos;s template file could not be read; the default templates are used. ({detail})</translation>
    </message>
    <message>
        <source>Reply again?</source>
        <translation>Reply again?</translation>
    </message>
    <message>
        <source>{officer} already replied to this complaint ({time}). Queue your reply as well?</source>
        <translation>{officer} already replied to this complaint ({time}). Queue your reply as well?</translation>
    </message>
    <message>
        <source>Queue my reply too</source>
        <translation>Queue my reply too</translation>
    </message>
    <message>
        <source>Do not send</source>
        <translation>Do not send</translation>
    </message>
    <message>
        <source>Choose a complaint in the list</source>
        <translation>Choose a complaint in the list</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>Complaint</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>&amp;Templates</source>
        <translation>&amp;Templates</translation>
    </message>
    <message>
        <source>Insert a reply template</source>
        <translation>Insert a reply template</translation>
    </message>
    <message>
        <source>Insert a reply template (Alt+T)</source>
        <translation>Insert a reply template (Alt+T)</translation>
    </message>
    <message>
        <source>Write a reply to the citizen… (Ctrl+Enter queues it)</source>
        <translation>Write a reply to the citizen… (Ctrl+Enter queues it)</translation>
    </message>
    <message>
        <source>Reply text</source>
        <translation>Reply text</translation>
    </message>
    <message>
        <source>Reply length</source>
        <translation>Reply length</translation>
    </message>
    <message>
        <source>Queue reply</source>
        <translation>Queue reply</translation>
    </message>
    <message>
        <source>Queue the reply for sending</source>
        <translation>Queue the reply for sending</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <source>{count} characters too long</source>
        <translation>{count} characters too long</translation>
    </message>
</context>
<context>
    <name>ConflictCard</name>
    <message>
        <source>Complaint #{id}</source>
        <translation>Complaint #{id}</translation>
    </message>
    <message>
        <source>You did: {action}</source>
        <translation>You did: {action}</translation>
    </message>
    <message>
        <source>Found: {what}</source>
        <translation>Found: {what}</translation>
    </message>
    <message>
        <source>Open complaint</source>
        <translation>Open complaint</translation>
    </message>
    <message>
        <source>Send again…</source>
        <translation>Send again…</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <source>a reply: “{text}”</source>
        <translation>a reply: “{text}”</translation>
    </message>
    <message>
        <source>a public progress note: “{text}”</source>
        <translation>a public progress note: “{text}”</translation>
    </message>
    <message>
        <source>an internal note: “{text}”</source>
        <translation>an internal note: “{text}”</translation>
    </message>
    <message>
        <source>status changed to {status}</source>
        <translation>status changed to {status}</translation>
    </message>
    <message>
        <source>a draft: “{text}”</source>
        <translation>a draft: “{text}”</translation>
    </message>
    <message>
        <source>the complaint was already {status} by {officer}.</source>
        <translation>the complaint was already {status} by {officer}.</translation>
    </message>
    <message>
        <source>the complaint is no longer in the station.</source>
        <translation>the complaint is no longer in the station.</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Actions not applied</source>
        <translation>Actions not applied</translation>
    </message>
    <message>
        <source>The station did not apply these actions: the complaint had changed meanwhile (closed by someone else, or moved to a status the action no longer fits). Open the complaint to read what happened, send an action again, or dismiss it (it stays in the record).</source>
        <translation>The station did not apply these actions: the complaint had changed meanwhile (closed by someone else, or moved to a status the action no longer fits). Open the complaint to read what happened, send an action again, or dismiss it (it stays in the record).</translation>
    </message>
    <message>
        <source>Nothing left to settle.</source>
        <translation>Nothing left to settle.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>No browser could be opened. Open this address in a browser: %1</source>
        <translation>No browser could be opened. Open this address in a browser: %1</translation>
    </message>
    <message>
        <source>Reading the Pages you manage…</source>
        <translation>Reading the Pages you manage…</translation>
    </message>
    <message>
        <source>Finding the account&apos;s details and saving it…</source>
        <translation>Finding the account&apos;s details and saving it…</translation>
    </message>
    <message>
        <source>Saving the account…</source>
        <translation>Saving the account…</translation>
    </message>
    <message>
        <source>Paste the token BotFather gave you first.</source>
        <translation>Paste the token BotFather gave you first.</translation>
    </message>
    <message>
        <source>Checking the token with Telegram…</source>
        <translation>Checking the token with Telegram…</translation>
    </message>
    <message>
        <source>Connect %1</source>
        <translation>Connect %1</translation>
    </message>
    <message>
        <source>Connect an account</source>
        <translation>Connect an account</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ConnectWords</name>
    <message>
        <source>Your browser shows %1&apos;s sign-in page. Sign in as %2 and approve Aduan Desk; this window carries on by itself.</source>
        <translation>Your browser shows %1&apos;s sign-in page. Sign in as %2 and approve Aduan Desk; this window carries on by itself.</translation>
    </message>
    <message>
        <source>Your browser shows %1&apos;s sign-in page. Sign in with the unit&apos;s account and approve Aduan Desk; this window carries on by itself.</source>
        <translation>Your browser shows %1&apos;s sign-in page. Sign in with the unit&apos;s account and approve Aduan Desk; this window carries on by itself.</translation>
    </message>
</context>
<context>
    <name>Connectivity</name>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>just now</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>%1 ago</translation>
    </message>
</context>
<context>
    <name>ConnectivityStatus</name>
    <message>
        <source>Syncing…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>Connection of each account</source>
        <translation>Connection of each account</translation>
    </message>
    <message>
        <source>Last good sync: %1</source>
        <translation>Last good sync: %1</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Open the report folder</source>
        <translation>Open the report folder</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <source>Aduan Desk met an unexpected problem and kept running. What you typed is kept as a draft.</source>
        <translation>Aduan Desk met an unexpected problem and kept running. What you typed is kept as a draft.</translation>
    </message>
    <message>
        <source>If it happens again, give this file to your IT staff:
%1</source>
        <translation>If it happens again, give this file to your IT staff:
%1</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>The last session met an unexpected problem; its report: %1</source>
        <translation>The last session met an unexpected problem; its report: %1</translation>
    </message>
</context>
<context>
    <name>DeadlineBar</name>
    <message>
        <source>Complaint deadline</source>
        <translation>Complaint deadline</translation>
    </message>
    <message>
        <source>No deadline running</source>
        <translation>No deadline running</translation>
    </message>
    <message>
        <source>Progress update: {left}</source>
        <translation>Progress update: {left}</translation>
    </message>
    <message>
        <source>First answer: {left}</source>
        <translation>First answer: {left}</translation>
    </message>
    <message>
        <source>The complaint is closed.</source>
        <translation>The complaint is closed.</translation>
    </message>
    <message>
        <source>Every message has been answered.</source>
        <translation>Every message has been answered.</translation>
    </message>
    <message>
        <source>due {time}</source>
        <translation>due {time}</translation>
    </message>
    <message>
        <source>viral horizon ({hours} h): {time}</source>
        <translation>viral horizon ({hours} h): {time}</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} h</translation>
    </message>
    <message>
        <source>viral {hours} h</source>
        <translation>viral {hours} h</translation>
    </message>
    <message>
        <source>next update</source>
        <translation>next update</translation>
    </message>
</context>
<context>
    <name>DetailPage</name>
    <message>
        <source>Reply to {author} on {channel} ({account})</source>
        <translation>Reply to {author} on {channel} ({account})</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <source>Progress notes ({count})</source>
        <translation>Progress notes ({count})</translation>
    </message>
    <message>
        <source>Conversation and notes</source>
        <translation>Conversation and notes</translation>
    </message>
    <message>
        <source>Complaint details</source>
        <translation>Complaint details</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>✓ %1 is connected.</source>
        <translation>✓ %1 is connected.</translation>
    </message>
    <message>
        <source>Its complaints arrive with the next sync.</source>
        <translation>Its complaints arrive with the next sync.</translation>
    </message>
    <message>
        <source>Connect another account</source>
        <translation>Connect another account</translation>
    </message>
</context>
<context>
    <name>Duration</name>
    <message>
        <source>1 day</source>
        <translation>1 day</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 days</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 hour</translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation>%1 hours</translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation>1 minute</translation>
    </message>
    <message>
        <source>%1 minutes</source>
        <translation>%1 minutes</translation>
    </message>
</context>
<context>
    <name>FirstStartPanel</name>
    <message>
        <source>Connect another account…</source>
        <translation>Connect another account…</translation>
    </message>
    <message>
        <source>Connect an account…</source>
        <translation>Connect an account…</translation>
    </message>
    <message>
        <source>Connect the unit&apos;s accounts</source>
        <translation>Connect the unit&apos;s accounts</translation>
    </message>
    <message>
        <source>No account is connected yet. Complaints arrive here once the unit&apos;s social-media accounts are connected: you sign in with the platform in your browser, and Aduan Desk keeps the connection.</source>
        <translation>No account is connected yet. Complaints arrive here once the unit&apos;s social-media accounts are connected: you sign in with the platform in your browser, and Aduan Desk keeps the connection.</translation>
    </message>
    <message>
        <source>The unit profile lists these accounts:</source>
        <translation>The unit profile lists these accounts:</translation>
    </message>
    <message>
        <source>IT staff can also enter a token by hand under Accounts → Accounts…</source>
        <translation>IT staff can also enter a token by hand under Accounts → Accounts…</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>The platform said: %1</source>
        <translation>The platform said: %1</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>Dismissed</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>queued</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>sending</translation>
    </message>
    <message>
        <source>checking</source>
        <translation>checking</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>sent</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>No deadline</source>
        <translation>No deadline</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>On time</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>VIRAL RISK</source>
        <translation>VIRAL RISK</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>%1 left</translation>
    </message>
    <message>
        <source>%1 overdue</source>
        <translation>%1 overdue</translation>
    </message>
    <message>
        <source>Nothing due</source>
        <translation>Nothing due</translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation>Due %1</translation>
    </message>
    <message>
        <source>Viral horizon %1</source>
        <translation>Viral horizon %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Aduan Desk</source>
        <translation>Aduan Desk</translation>
    </message>
    <message>
        <source>Filters, queue and complaint</source>
        <translation>Filters, queue and complaint</translation>
    </message>
    <message>
        <source>Aduan Desk · %1</source>
        <translation>Aduan Desk · %1</translation>
    </message>
</context>
<context>
    <name>MessageLine</name>
    <message>
        <source>Close message</source>
        <translation>Close message</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
</context>
<context>
    <name>NoteCard</name>
    <message>
        <source>Public</source>
        <translation>Public</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Internal</translation>
    </message>
</context>
<context>
    <name>NoteComposer</name>
    <message>
        <source>Write the steps taken… (Ctrl+Enter adds the note)</source>
        <translation>Write the steps taken… (Ctrl+Enter adds the note)</translation>
    </message>
    <message>
        <source>Progress note text</source>
        <translation>Progress note text</translation>
    </message>
    <message>
        <source>Public: also send it to the citizen as a reply</source>
        <translation>Public: also send it to the citizen as a reply</translation>
    </message>
    <message>
        <source>Public note</source>
        <translation>Public note</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Add note</translation>
    </message>
    <message>
        <source>Add a progress note</source>
        <translation>Add a progress note</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
</context>
<context>
    <name>NotesTimeline</name>
    <message>
        <source>No progress notes yet.</source>
        <translation>No progress notes yet.</translation>
    </message>
    <message>
        <source>Progress notes timeline</source>
        <translation>Progress notes timeline</translation>
    </message>
</context>
<context>
    <name>OfflineBanner</name>
    <message>
        <source>Working offline — replies are sent when the connection returns</source>
        <translation>Working offline — replies are sent when the connection returns</translation>
    </message>
    <message>
        <source>Try now</source>
        <translation>Try now</translation>
    </message>
    <message>
        <source>Try to connect now</source>
        <translation>Try to connect now</translation>
    </message>
</context>
<context>
    <name>PageListPage</name>
    <message>
        <source>Also connect its Instagram account @%1</source>
        <translation>Also connect its Instagram account @%1</translation>
    </message>
    <message>
        <source>Choose the unit&apos;s Page. Its linked Instagram account is connected with it where there is one.</source>
        <translation>Choose the unit&apos;s Page. Its linked Instagram account is connected with it where there is one.</translation>
    </message>
    <message>
        <source>Pages you manage</source>
        <translation>Pages you manage</translation>
    </message>
    <message>
        <source>Connect this Page</source>
        <translation>Connect this Page</translation>
    </message>
</context>
<context>
    <name>PresenceLine</name>
    <message>
        <source>Other officers at this complaint</source>
        <translation>Other officers at this complaint</translation>
    </message>
    <message>
        <source>{officer} is replying</source>
        <translation>{officer} is replying</translation>
    </message>
    <message>
        <source>{officer} has this complaint open</source>
        <translation>{officer} has this complaint open</translation>
    </message>
</context>
<context>
    <name>QueueColumns</name>
    <message>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Time left for the first answer or the next progress update</source>
        <translation>Time left for the first answer or the next progress update</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Platform the complaint came from</source>
        <translation>Platform the complaint came from</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Who wrote the complaint</source>
        <translation>Who wrote the complaint</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <source>The start of the first message</source>
        <translation>The start of the first message</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Platform time, in the unit&apos;s time zone</source>
        <translation>Platform time, in the unit&apos;s time zone</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Where the complaint stands</source>
        <translation>Where the complaint stands</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Reply</translation>
    </message>
    <message>
        <source>Delivery of our replies</source>
        <translation>Delivery of our replies</translation>
    </message>
</context>
<context>
    <name>QueueView</name>
    <message>
        <source>Complaint queue</source>
        <translation>Complaint queue</translation>
    </message>
    <message>
        <source>Complaints, most urgent first. J and K move to the next and previous one.</source>
        <translation>Complaints, most urgent first. J and K move to the next and previous one.</translation>
    </message>
    <message>
        <source>No complaint matches. Clear the search or choose another filter.</source>
        <translation>No complaint matches. Clear the search or choose another filter.</translation>
    </message>
</context>
<context>
    <name>ReplyBubble</name>
    <message>
        <source>{account} · by {officer} · {time}</source>
        <translation>{account} · by {officer} · {time}</translation>
    </message>
    <message>
        <source>Public note · {header}</source>
        <translation>Public note · {header}</translation>
    </message>
    <message>
        <source>Delivery: {state}</source>
        <translation>Delivery: {state}</translation>
    </message>
    <message>
        <source>The platform gave no reason.</source>
        <translation>The platform gave no reason.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>Send this reply again</source>
        <translation>Send this reply again</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Edit this reply in the reply box</source>
        <translation>Edit this reply in the reply box</translation>
    </message>
</context>
<context>
    <name>ReplyState</name>
    <message>
        <source>Saved in the outbox; it is sent when a connection is available.</source>
        <translation>Saved in the outbox; it is sent when a connection is available.</translation>
    </message>
    <message>
        <source>Being sent to the platform.</source>
        <translation>Being sent to the platform.</translation>
    </message>
    <message>
        <source>The outcome of sending is not known yet; the thread is checked before any retry.</source>
        <translation>The outcome of sending is not known yet; the thread is checked before any retry.</translation>
    </message>
    <message>
        <source>Accepted by the platform.</source>
        <translation>Accepted by the platform.</translation>
    </message>
    <message>
        <source>The platform refused this reply.</source>
        <translation>The platform refused this reply.</translation>
    </message>
    <message>
        <source>Cancelled; it will not be sent.</source>
        <translation>Cancelled; it will not be sent.</translation>
    </message>
</context>
<context>
    <name>ResendDialog</name>
    <message>
        <source>Send again</source>
        <translation>Send again</translation>
    </message>
    <message>
        <source>Complaint #{id} is {closed} now. Change its status to {wanted}?</source>
        <translation>Complaint #{id} is {closed} now. Change its status to {wanted}?</translation>
    </message>
    <message>
        <source>Complaint #{id} is {closed} now. Send this anyway? You may change the text.</source>
        <translation>Complaint #{id} is {closed} now. Send this anyway? You may change the text.</translation>
    </message>
    <message>
        <source>Text to send</source>
        <translation>Text to send</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>Scope</name>
    <message>
        <source>cannot read comments and messages</source>
        <translation>cannot read comments and messages</translation>
    </message>
    <message>
        <source>cannot reply</source>
        <translation>cannot reply</translation>
    </message>
    <message>
        <source>cannot stay connected: it must be connected again every few hours</source>
        <translation>cannot stay connected: it must be connected again every few hours</translation>
    </message>
    <message>
        <source>cannot read or answer direct messages</source>
        <translation>cannot read or answer direct messages</translation>
    </message>
</context>
<context>
    <name>ScopeNotice</name>
    <message>
        <source>This %1 account %2 (%3).</source>
        <translation>This %1 account %2 (%3).</translation>
    </message>
    <message>
        <source>Connect the account again and approve every permission it asks for.</source>
        <translation>Connect the account again and approve every permission it asks for.</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Search names and messages  (Ctrl+F)</source>
        <translation>Search names and messages  (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search complaints</source>
        <translation>Search complaints</translation>
    </message>
    <message>
        <source>Every word must match, the last one also as a word&apos;s start; accents are ignored</source>
        <translation>Every word must match, the last one also as a word&apos;s start; accents are ignored</translation>
    </message>
</context>
<context>
    <name>SendReason</name>
    <message>
        <source>The platform did not take this reply and gave no known reason.</source>
        <translation>The platform did not take this reply and gave no known reason.</translation>
    </message>
    <message>
        <source>The platform refused this reply.</source>
        <translation>The platform refused this reply.</translation>
    </message>
    <message>
        <source>The reply is too long for this platform: shorten it.</source>
        <translation>The reply is too long for this platform: shorten it.</translation>
    </message>
    <message>
        <source>The reply is empty.</source>
        <translation>The reply is empty.</translation>
    </message>
    <message>
        <source>The message being answered was deleted or is no longer visible.</source>
        <translation>The message being answered was deleted or is no longer visible.</translation>
    </message>
    <message>
        <source>The platform does not allow this account to answer here (a missing permission, comments turned off, or the person blocked the account).</source>
        <translation>The platform does not allow this account to answer here (a missing permission, comments turned off, or the person blocked the account).</translation>
    </message>
    <message>
        <source>The 24-hour window to answer this person&apos;s message has closed; they must write again before a direct reply is possible.</source>
        <translation>The 24-hour window to answer this person&apos;s message has closed; they must write again before a direct reply is possible.</translation>
    </message>
    <message>
        <source>The platform refuses this text as a duplicate of an earlier post, and it is not in the thread: edit the text.</source>
        <translation>The platform refuses this text as a duplicate of an earlier post, and it is not in the thread: edit the text.</translation>
    </message>
    <message>
        <source>The platform refused this text as a duplicate; the thread is checked for the earlier reply.</source>
        <translation>The platform refused this text as a duplicate; the thread is checked for the earlier reply.</translation>
    </message>
    <message>
        <source>It is unknown whether this reply arrived, and this platform cannot be read back: check the conversation, then retry or cancel.</source>
        <translation>It is unknown whether this reply arrived, and this platform cannot be read back: check the conversation, then retry or cancel.</translation>
    </message>
    <message>
        <source>The conversation&apos;s address is not valid for this platform.</source>
        <translation>The conversation&apos;s address is not valid for this platform.</translation>
    </message>
    <message>
        <source>The account&apos;s settings cannot work; check them under Accounts.</source>
        <translation>The account&apos;s settings cannot work; check them under Accounts.</translation>
    </message>
    <message>
        <source>The account&apos;s token expired or was revoked; enter a new token.</source>
        <translation>The account&apos;s token expired or was revoked; enter a new token.</translation>
    </message>
    <message>
        <source>The platform ended the account&apos;s sign-in; connect the account again.</source>
        <translation>The platform ended the account&apos;s sign-in; connect the account again.</translation>
    </message>
    <message>
        <source>The platform&apos;s sign-in server could not renew the token; retrying.</source>
        <translation>The platform&apos;s sign-in server could not renew the token; retrying.</translation>
    </message>
    <message>
        <source>The system keyring is locked; unlock it and sending resumes.</source>
        <translation>The system keyring is locked; unlock it and sending resumes.</translation>
    </message>
    <message>
        <source>The platform asked to wait; sending resumes by itself.</source>
        <translation>The platform asked to wait; sending resumes by itself.</translation>
    </message>
    <message>
        <source>The platform&apos;s daily quota is used up; sending resumes later.</source>
        <translation>The platform&apos;s daily quota is used up; sending resumes later.</translation>
    </message>
    <message>
        <source>Another program (or a webhook) reads this bot; stop the other one.</source>
        <translation>Another program (or a webhook) reads this bot; stop the other one.</translation>
    </message>
    <message>
        <source>The platform could not be reached; retrying automatically.</source>
        <translation>The platform could not be reached; retrying automatically.</translation>
    </message>
    <message>
        <source>The platform did not answer in time; retrying automatically.</source>
        <translation>The platform did not answer in time; retrying automatically.</translation>
    </message>
    <message>
        <source>The platform had a temporary problem; retrying automatically.</source>
        <translation>The platform had a temporary problem; retrying automatically.</translation>
    </message>
    <message>
        <source>The platform&apos;s answer could not be read; retrying automatically.</source>
        <translation>The platform&apos;s answer could not be read; retrying automatically.</translation>
    </message>
    <message>
        <source>The platform&apos;s security certificate could not be verified; tell IT staff (a proxy may need its certificate set).</source>
        <translation>The platform&apos;s security certificate could not be verified; tell IT staff (a proxy may need its certificate set).</translation>
    </message>
    <message>
        <source>The connection was redirected elsewhere (a login page of the network, or a wrong API address).</source>
        <translation>The connection was redirected elsewhere (a login page of the network, or a wrong API address).</translation>
    </message>
    <message>
        <source>Aduan Desk met an unexpected problem while sending; a report was written. The thread is read back before this reply is tried again, so it is never sent twice.</source>
        <translation>Aduan Desk met an unexpected problem while sending; a report was written. The thread is read back before this reply is tried again, so it is never sent twice.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Set by the unit profile from IT</source>
        <translation>Set by the unit profile from IT</translation>
    </message>
    <message>
        <source>The unit&apos;s name must not be empty.</source>
        <translation>The unit&apos;s name must not be empty.</translation>
    </message>
    <message>
        <source>The viral horizon must not be shorter than the first-answer target.</source>
        <translation>The viral horizon must not be shorter than the first-answer target.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Unit profile</source>
        <translation>Unit profile</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Interface</translation>
    </message>
    <message>
        <source>Unit &amp;name:</source>
        <translation>Unit &amp;name:</translation>
    </message>
    <message>
        <source>Unit name</source>
        <translation>Unit name</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>&amp;Time zone:</translation>
    </message>
    <message>
        <source>Time zone of the unit</source>
        <translation>Time zone of the unit</translation>
    </message>
    <message>
        <source>&amp;First answer within:</source>
        <translation>&amp;First answer within:</translation>
    </message>
    <message>
        <source>First answer target in hours</source>
        <translation>First answer target in hours</translation>
    </message>
    <message>
        <source>&amp;Warning at:</source>
        <translation>&amp;Warning at:</translation>
    </message>
    <message>
        <source>Warning when this share of the time is gone</source>
        <translation>Warning when this share of the time is gone</translation>
    </message>
    <message>
        <source>&amp;Viral horizon:</source>
        <translation>&amp;Viral horizon:</translation>
    </message>
    <message>
        <source>Viral horizon in hours</source>
        <translation>Viral horizon in hours</translation>
    </message>
    <message>
        <source>&amp;Progress update every:</source>
        <translation>&amp;Progress update every:</translation>
    </message>
    <message>
        <source>Progress update every N days</source>
        <translation>Progress update every N days</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <source>T&amp;heme:</source>
        <translation>T&amp;heme:</translation>
    </message>
    <message>
        <source>Colour theme</source>
        <translation>Colour theme</translation>
    </message>
    <message>
        <source>&amp;Notifications:</source>
        <translation>&amp;Notifications:</translation>
    </message>
    <message>
        <source>Tray notifications</source>
        <translation>Tray notifications</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source> d</source>
        <translation> d</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dark</translation>
    </message>
    <message>
        <source>Automatic (follow the system)</source>
        <translation>Automatic (follow the system)</translation>
    </message>
    <message>
        <source>Notify me of new and nearly late complaints</source>
        <translation>Notify me of new and nearly late complaints</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Filters</source>
        <translation>Filters</translation>
    </message>
    <message>
        <source>Narrow the queue; each filter shows its count</source>
        <translation>Narrow the queue; each filter shows its count</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Queue</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Channels</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <source>All open</source>
        <translation>All open</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Due soon, late, or past the viral horizon: answer these first</source>
        <translation>Due soon, late, or past the viral horizon: answer these first</translation>
    </message>
    <message>
        <source>Past their deadline</source>
        <translation>Past their deadline</translation>
    </message>
    <message>
        <source>Not answered yet</source>
        <translation>Not answered yet</translation>
    </message>
</context>
<context>
    <name>StationAccountsDialog</name>
    <message>
        <source>{state} — IT connects it again on the worker PC</source>
        <translation>{state} — IT connects it again on the worker PC</translation>
    </message>
    <message>
        <source>unknown (station out)</source>
        <translation>unknown (station out)</translation>
    </message>
    <message>
        <source>no worker yet</source>
        <translation>no worker yet</translation>
    </message>
    <message>
        <source>{host} (lease lapsed)</source>
        <translation>{host} (lease lapsed)</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>Station accounts</source>
        <translation>Station accounts</translation>
    </message>
    <message>
        <source>This desk works in station mode: the station&apos;s worker PC talks to the platforms for the whole team, and the accounts&apos; tokens are kept in that PC&apos;s keyring, not on this desk. So accounts are connected on the worker PC, not here.</source>
        <translation>This desk works in station mode: the station&apos;s worker PC talks to the platforms for the whole team, and the accounts&apos; tokens are kept in that PC&apos;s keyring, not on this desk. So accounts are connected on the worker PC, not here.</translation>
    </message>
    <message>
        <source>The station cannot be reached: the list is this desk&apos;s last copy.</source>
        <translation>The station cannot be reached: the list is this desk&apos;s last copy.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Worker PC</source>
        <translation>Worker PC</translation>
    </message>
    <message>
        <source>Last pull</source>
        <translation>Last pull</translation>
    </message>
    <message>
        <source>The station&apos;s accounts</source>
        <translation>The station&apos;s accounts</translation>
    </message>
    <message>
        <source>How IT connects an account: on the worker PC, signed in as the user the worker service runs as, run the first command (it signs in with the platform, or asks for a Telegram bot&apos;s token, and keeps the token in that PC&apos;s keyring). To replace the token of an account in this list, use the second command with its ID. The worker picks the account up on its next round.</source>
        <translation>How IT connects an account: on the worker PC, signed in as the user the worker service runs as, run the first command (it signs in with the platform, or asks for a Telegram bot&apos;s token, and keeps the token in that PC&apos;s keyring). To replace the token of an account in this list, use the second command with its ID. The worker picks the account up on its next round.</translation>
    </message>
    <message>
        <source>Commands for the worker PC</source>
        <translation>Commands for the worker PC</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>StationBanner</name>
    <message>
        <source>The station cannot be reached. Work goes on: your actions are kept and sent when the station is back.</source>
        <translation>The station cannot be reached. Work goes on: your actions are kept and sent when the station is back.</translation>
    </message>
    <message>
        <source>Copying the station&apos;s queue to this PC: {copied} of {total}. Until it is done the queue and its counts are partial.</source>
        <translation>Copying the station&apos;s queue to this PC: {copied} of {total}. Until it is done the queue and its counts are partial.</translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) not applied: the complaint was closed meanwhile ({ids}).</source>
        <translation>
            <numerusform>%n action not applied: the complaint was closed meanwhile ({ids}).</numerusform>
            <numerusform>%n actions not applied: the complaint was closed meanwhile ({ids}).</numerusform>
        </translation>
    </message>
    <message>
        <source>Show list</source>
        <translation>Show list</translation>
    </message>
</context>
<context>
    <name>StationPasswordDialog</name>
    <message>
        <source>Station password</source>
        <translation>Station password</translation>
    </message>
    <message>
        <source>This PC works on the station&apos;s shared queue. Type your station password once: this PC keeps it in its keyring, for your user account only.</source>
        <translation>This PC works on the station&apos;s shared queue. Type your station password once: this PC keeps it in its keyring, for your user account only.</translation>
    </message>
    <message>
        <source>The station refused that password. Check it and type it again.</source>
        <translation>The station refused that password. Check it and type it again.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>Login:</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>StatusActions</name>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Change to:</source>
        <translation>Change to:</translation>
    </message>
    <message>
        <source>Change status to {status}</source>
        <translation>Change status to {status}</translation>
    </message>
    <message>
        <source>Complaint status</source>
        <translation>Complaint status</translation>
    </message>
    <message>
        <source>— by {officer}, {time}</source>
        <translation>— by {officer}, {time}</translation>
    </message>
    <message>
        <source>Current status: {status}</source>
        <translation>Current status: {status}</translation>
    </message>
</context>
<context>
    <name>StatusSummary</name>
    <message>
        <source>%1 shown</source>
        <translation>%1 shown</translation>
    </message>
    <message>
        <source>more than %1 shown</source>
        <translation>more than %1 shown</translation>
    </message>
    <message>
        <source>%1 open</source>
        <translation>%1 open</translation>
    </message>
    <message>
        <source>%1 urgent</source>
        <translation>%1 urgent</translation>
    </message>
    <message>
        <source>%1 overdue</source>
        <translation>%1 overdue</translation>
    </message>
    <message>
        <source>Complaint counts</source>
        <translation>Complaint counts</translation>
    </message>
</context>
<context>
    <name>SyncState</name>
    <message>
        <source>Not synced yet</source>
        <translation>Not synced yet</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connected</translation>
    </message>
    <message>
        <source>Cannot connect; retrying automatically</source>
        <translation>Cannot connect; retrying automatically</translation>
    </message>
    <message>
        <source>Slowed down by the platform; waiting as it asked</source>
        <translation>Slowed down by the platform; waiting as it asked</translation>
    </message>
    <message>
        <source>Token expired or revoked; enter a new token</source>
        <translation>Token expired or revoked; enter a new token</translation>
    </message>
    <message>
        <source>The platform ended the sign-in; connect the account again</source>
        <translation>The platform ended the sign-in; connect the account again</translation>
    </message>
    <message>
        <source>Another program (or a webhook) reads this bot; stop the other one</source>
        <translation>Another program (or a webhook) reads this bot; stop the other one</translation>
    </message>
    <message>
        <source>Refused by the platform; check the account&apos;s settings</source>
        <translation>Refused by the platform; check the account&apos;s settings</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Disabled</translation>
    </message>
</context>
<context>
    <name>TelegramPage</name>
    <message>
        <source>Paste the token BotFather gave for the unit&apos;s bot. Telegram checks it and names the bot; the token is kept only in the system keyring.</source>
        <translation>Paste the token BotFather gave for the unit&apos;s bot. Telegram checks it and names the bot; the token is kept only in the system keyring.</translation>
    </message>
    <message>
        <source>e.g. 123456789:AA…</source>
        <translation>e.g. 123456789:AA…</translation>
    </message>
    <message>
        <source>The bot&apos;s token (hidden)</source>
        <translation>The bot&apos;s token (hidden)</translation>
    </message>
    <message>
        <source>Check and connect</source>
        <translation>Check and connect</translation>
    </message>
    <message>
        <source>‹ Another platform</source>
        <translation>‹ Another platform</translation>
    </message>
</context>
<context>
    <name>TemplateEditor</name>
    <message>
        <source>New template</source>
        <translation>New template</translation>
    </message>
    <message>
        <source>The templates could not be saved: {detail}</source>
        <translation>The templates could not be saved: {detail}</translation>
    </message>
    <message>
        <source>“{title}”: the name, title and text must not be empty.</source>
        <translation>“{title}”: the name, title and text must not be empty.</translation>
    </message>
    <message>
        <source>“{title}”: a brace {{ or }} is not closed.</source>
        <translation>“{title}”: a brace {{ or }} is not closed.</translation>
    </message>
    <message>
        <source>“{title}”: another template has the name {name}.</source>
        <translation>“{title}”: another template has the name {name}.</translation>
    </message>
    <message>
        <source>“{title}”: unknown placeholder {names}; use {{nama}} or {{satuan}}.</source>
        <translation>“{title}”: unknown placeholder {names}; use {{nama}} or {{satuan}}.</translation>
    </message>
    <message>
        <source>Preview: {text}</source>
        <translation>Preview: {text}</translation>
    </message>
    <message>
        <source>Reply templates</source>
        <translation>Reply templates</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Title:</translation>
    </message>
    <message>
        <source>Template title</source>
        <translation>Template title</translation>
    </message>
    <message>
        <source>&amp;Name (id):</source>
        <translation>&amp;Name (id):</translation>
    </message>
    <message>
        <source>Template name, used by the command line</source>
        <translation>Template name, used by the command line</translation>
    </message>
    <message>
        <source>Te&amp;xt:</source>
        <translation>Te&amp;xt:</translation>
    </message>
    <message>
        <source>Template text</source>
        <translation>Template text</translation>
    </message>
    <message>
        <source>Placeholders: {nama} is replaced by the citizen&apos;s name, {satuan} by the unit&apos;s name. The first template is the acknowledgement.</source>
        <translation>Placeholders: {nama} is replaced by the citizen&apos;s name, {satuan} by the unit&apos;s name. The first template is the acknowledgement.</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Templates</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <source>Add a template</source>
        <translation>Add a template</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <source>Remove the selected template</source>
        <translation>Remove the selected template</translation>
    </message>
</context>
<context>
    <name>UrgentTray</name>
    <message>
        <source>Show Aduan Desk</source>
        <translation>Show Aduan Desk</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Aduan Desk — %n urgent complaint(s)</source>
        <translation>Aduan Desk — %n urgent complaint(s)</translation>
    </message>
    <message>
        <source>%n new complaint(s)</source>
        <translation>%n new complaint(s)</translation>
    </message>
    <message>
        <source>%n complaint(s) due soon</source>
        <translation>%n complaint(s) due soon</translation>
    </message>
    <message>
        <source>Answer before the deadline: %1</source>
        <translation>Answer before the deadline: %1</translation>
    </message>
    <message>
        <source>Press “Connect again” in the status bar before then.</source>
        <translation>Press “Connect again” in the status bar before then.</translation>
    </message>
</context>
<context>
    <name>UserError</name>
    <message>
        <source>Complaint #{id} not found.</source>
        <translation>Complaint #{id} not found.</translation>
    </message>
    <message>
        <source>Cannot change status from {current} to {wanted} (allowed: {allowed}).</source>
        <translation>Cannot change status from {current} to {wanted} (allowed: {allowed}).</translation>
    </message>
    <message>
        <source>Unknown status &apos;{value}&apos; (choices: {choices}).</source>
        <translation>Unknown status &apos;{value}&apos; (choices: {choices}).</translation>
    </message>
    <message>
        <source>The text must not be empty.</source>
        <translation>The text must not be empty.</translation>
    </message>
    <message>
        <source>Text too long for {channel}: {length} characters, at most {limit}.</source>
        <translation>Text too long for {channel}: {length} characters, at most {limit}.</translation>
    </message>
    <message>
        <source>No template named &apos;{name}&apos; (choices: {choices}).</source>
        <translation>No template named &apos;{name}&apos; (choices: {choices}).</translation>
    </message>
    <message>
        <source>The database file {path} is damaged: {detail}. Restore a backup from {backups}.</source>
        <translation>The database file {path} is damaged: {detail}. Restore a backup from {backups}.</translation>
    </message>
    <message>
        <source>The file {path} is not an Aduan Desk database, or the key is wrong.</source>
        <translation>The file {path} is not an Aduan Desk database, or the key is wrong.</translation>
    </message>
    <message>
        <source>The file {path} is an unencrypted SQLite database, not Aduan Desk&apos;s.</source>
        <translation>The file {path} is an unencrypted SQLite database, not Aduan Desk&apos;s.</translation>
    </message>
    <message>
        <source>The key of database {path} is not in this account&apos;s keyring. Open it with the OS account that created it, or restore the key.</source>
        <translation>The key of database {path} is not in this account&apos;s keyring. Open it with the OS account that created it, or restore the key.</translation>
    </message>
    <message>
        <source>The database was written by a newer Aduan Desk (schema {found}). Install the newer version; the data was not changed.</source>
        <translation>The database was written by a newer Aduan Desk (schema {found}). Install the newer version; the data was not changed.</translation>
    </message>
    <message>
        <source>The database upgrade failed ({detail}); the previous file was restored from backup.</source>
        <translation>The database upgrade failed ({detail}); the previous file was restored from backup.</translation>
    </message>
    <message>
        <source>The disk is full: the last change was not saved. Free some space and try again.</source>
        <translation>The disk is full: the last change was not saved. Free some space and try again.</translation>
    </message>
    <message>
        <source>The database is held by another process for too long. Try again shortly.</source>
        <translation>The database is held by another process for too long. Try again shortly.</translation>
    </message>
    <message>
        <source>The database cannot be written: {detail}.</source>
        <translation>The database cannot be written: {detail}.</translation>
    </message>
    <message>
        <source>The OS keyring is not secure: {detail}</source>
        <translation>The OS keyring is not secure: {detail}</translation>
    </message>
    <message>
        <source>The OS keyring is unavailable: {detail}</source>
        <translation>The OS keyring is unavailable: {detail}</translation>
    </message>
    <message>
        <source>Account #{id} not found.</source>
        <translation>Account #{id} not found.</translation>
    </message>
    <message>
        <source>The {channel} account &apos;{name}&apos; is already registered.</source>
        <translation>The {channel} account &apos;{name}&apos; is already registered.</translation>
    </message>
    <message>
        <source>Access was not given on {platform}&apos;s page. Nothing was changed; connect again and approve Aduan Desk there to sign in once more.</source>
        <translation>Access was not given on {platform}&apos;s page. Nothing was changed; connect again and approve Aduan Desk there to sign in once more.</translation>
    </message>
    <message>
        <source>The browser came back with a sign-in this program did not start; it was ignored. Nothing was changed; connect again.</source>
        <translation>The browser came back with a sign-in this program did not start; it was ignored. Nothing was changed; connect again.</translation>
    </message>
    <message>
        <source>The browser did not come back in time. Nothing was changed; connect again and approve on {platform}&apos;s page.</source>
        <translation>The browser did not come back in time. Nothing was changed; connect again and approve on {platform}&apos;s page.</translation>
    </message>
    <message>
        <source>Connecting {platform} was cancelled. Nothing was changed.</source>
        <translation>Connecting {platform} was cancelled. Nothing was changed.</translation>
    </message>
    <message>
        <source>{platform}&apos;s sign-in service did not answer properly. Nothing was changed; try again in a moment.</source>
        <translation>{platform}&apos;s sign-in service did not answer properly. Nothing was changed; try again in a moment.</translation>
    </message>
    <message>
        <source>{platform} refused the sign-in (it was used or has expired). Nothing was changed; connect again.</source>
        <translation>{platform} refused the sign-in (it was used or has expired). Nothing was changed; connect again.</translation>
    </message>
    <message>
        <source>You signed in to another {platform} account than the one being connected. Nothing was changed; sign in with the unit&apos;s account.</source>
        <translation>You signed in to another {platform} account than the one being connected. Nothing was changed; sign in with the unit&apos;s account.</translation>
    </message>
    <message>
        <source>The unit profile has no app settings for {platform} yet. Ask the unit&apos;s IT to add them (or to enter a token by hand).</source>
        <translation>The unit profile has no app settings for {platform} yet. Ask the unit&apos;s IT to add them (or to enter a token by hand).</translation>
    </message>
    <message>
        <source>This Facebook login manages no Page that can be connected here. Nothing was changed; sign in with an account that manages the unit&apos;s Page.</source>
        <translation>This Facebook login manages no Page that can be connected here. Nothing was changed; sign in with an account that manages the unit&apos;s Page.</translation>
    </message>
    <message>
        <source>{platform} refused this token. Nothing was changed; copy the token from BotFather again.</source>
        <translation>{platform} refused this token. Nothing was changed; copy the token from BotFather again.</translation>
    </message>
    <message>
        <source>{platform} cannot be reached. Nothing was changed; check the connection and try again.</source>
        <translation>{platform} cannot be reached. Nothing was changed; check the connection and try again.</translation>
    </message>
    <message>
        <source>{platform} answered something unexpected. Nothing was changed; try again in a moment.</source>
        <translation>{platform} answered something unexpected. Nothing was changed; try again in a moment.</translation>
    </message>
    <message>
        <source>{platform} asks to wait before trying again. Nothing was changed; try again in a few minutes.</source>
        <translation>{platform} asks to wait before trying again. Nothing was changed; try again in a few minutes.</translation>
    </message>
    <message>
        <source>Connecting {platform} did not finish. Nothing was changed.</source>
        <translation>Connecting {platform} did not finish. Nothing was changed.</translation>
    </message>
    <message>
        <source>Empty token: paste the account&apos;s access token on standard input.</source>
        <translation>Empty token: paste the account&apos;s access token on standard input.</translation>
    </message>
    <message>
        <source>Reply #{id} not found.</source>
        <translation>Reply #{id} not found.</translation>
    </message>
    <message>
        <source>Reply #{id} is {state}; this is possible only when {allowed}.</source>
        <translation>Reply #{id} is {state}; this is possible only when {allowed}.</translation>
    </message>
    <message>
        <source>The unit profile is not valid: {detail}</source>
        <translation>The unit profile is not valid: {detail}</translation>
    </message>
    <message>
        <source>An unexpected error occurred; its report is in {report} — send it to IT staff.</source>
        <translation>An unexpected error occurred; its report is in {report} — send it to IT staff.</translation>
    </message>
    <message>
        <source>The station server {server} asks for a password, and none is stored in this PC&apos;s keyring. Ask the IT staff to store the station password.</source>
        <translation>The station server {server} asks for a password, and none is stored in this PC&apos;s keyring. Ask the IT staff to store the station password.</translation>
    </message>
    <message>
        <source>The station server {server} cannot be reached ({detail}). Check the network cable or Wi-Fi, or ask the IT staff whether the server is on.</source>
        <translation>The station server {server} cannot be reached ({detail}). Check the network cable or Wi-Fi, or ask the IT staff whether the server is on.</translation>
    </message>
    <message>
        <source>This action was already sent again or set aside.</source>
        <translation>This action was already sent again or set aside.</translation>
    </message>
    <message>
        <source>The station server {server} refused the sign-in ({detail}). Ask the IT staff to check the station password and login.</source>
        <translation>The station server {server} refused the sign-in ({detail}). Ask the IT staff to check the station password and login.</translation>
    </message>
    <message>
        <source>Invalid value: {detail}</source>
        <translation>Invalid value: {detail}</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; cannot be a PostgreSQL login or database name here: use lower-case letters, digits and _ (at most 63, not starting with a digit).</source>
        <translation>&apos;{name}&apos; cannot be a PostgreSQL login or database name here: use lower-case letters, digits and _ (at most 63, not starting with a digit).</translation>
    </message>
</context>
<context>
    <name>WaitingPage</name>
    <message>
        <source>The sign-in is given up in %1:%2.</source>
        <translation>The sign-in is given up in %1:%2.</translation>
    </message>
    <message>
        <source>Waiting for your approval in the browser…</source>
        <translation>Waiting for your approval in the browser…</translation>
    </message>
    <message>
        <source>Open the browser again</source>
        <translation>Open the browser again</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;Sync now</source>
        <translation>&amp;Sync now</translation>
    </message>
    <message>
        <source>Fetch new complaints and send replies</source>
        <translation>Fetch new complaints and send replies</translation>
    </message>
    <message>
        <source>&amp;Next complaint</source>
        <translation>&amp;Next complaint</translation>
    </message>
    <message>
        <source>Next complaint (J)</source>
        <translation>Next complaint (J)</translation>
    </message>
    <message>
        <source>&amp;Previous complaint</source>
        <translation>&amp;Previous complaint</translation>
    </message>
    <message>
        <source>Previous complaint (K)</source>
        <translation>Previous complaint (K)</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <source>Search complaints (Ctrl+F)</source>
        <translation>Search complaints (Ctrl+F)</translation>
    </message>
    <message>
        <source>Go to &amp;filters</source>
        <translation>Go to &amp;filters</translation>
    </message>
    <message>
        <source>Go to the filters (Ctrl+1)</source>
        <translation>Go to the filters (Ctrl+1)</translation>
    </message>
    <message>
        <source>Go to the &amp;queue</source>
        <translation>Go to the &amp;queue</translation>
    </message>
    <message>
        <source>Go to the queue (Ctrl+2)</source>
        <translation>Go to the queue (Ctrl+2)</translation>
    </message>
    <message>
        <source>&amp;Reply</source>
        <translation>&amp;Reply</translation>
    </message>
    <message>
        <source>Write a reply (R or Ctrl+3)</source>
        <translation>Write a reply (R or Ctrl+3)</translation>
    </message>
    <message>
        <source>S&amp;ettings…</source>
        <translation>S&amp;ettings…</translation>
    </message>
    <message>
        <source>Unit profile, language and theme</source>
        <translation>Unit profile, language and theme</translation>
    </message>
    <message>
        <source>&amp;Accounts…</source>
        <translation>&amp;Accounts…</translation>
    </message>
    <message>
        <source>The unit&apos;s social-media accounts</source>
        <translation>The unit&apos;s social-media accounts</translation>
    </message>
    <message>
        <source>&amp;Connect an account…</source>
        <translation>&amp;Connect an account…</translation>
    </message>
    <message>
        <source>Sign in with a platform and connect one of the unit&apos;s accounts</source>
        <translation>Sign in with a platform and connect one of the unit&apos;s accounts</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>Quit Aduan Desk</source>
        <translation>Quit Aduan Desk</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Light</translation>
    </message>
    <message>
        <source>Light theme</source>
        <translation>Light theme</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dark</translation>
    </message>
    <message>
        <source>Dark theme</source>
        <translation>Dark theme</translation>
    </message>
    <message>
        <source>&amp;Automatic</source>
        <translation>&amp;Automatic</translation>
    </message>
    <message>
        <source>Follow the system&apos;s light or dark setting</source>
        <translation>Follow the system&apos;s light or dark setting</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <source>&amp;Complaints</source>
        <translation>&amp;Complaints</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Theme</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;Accounts</source>
        <translation>&amp;Accounts</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Next complaint</source>
        <translation>Next complaint</translation>
    </message>
    <message>
        <source>Previous complaint</source>
        <translation>Previous complaint</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Write a reply</source>
        <translation>Write a reply</translation>
    </message>
    <message>
        <source>Queue the reply</source>
        <translation>Queue the reply</translation>
    </message>
    <message>
        <source>Go to the filters, the queue</source>
        <translation>Go to the filters, the queue</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Clear the search</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
</context>
<context>
    <name>_AccountRow</name>
    <message>
        <source>Connect</source>
        <translation>Connect</translation>
    </message>
    <message>
        <source>Connect %1</source>
        <translation>Connect %1</translation>
    </message>
</context>
</TS>
