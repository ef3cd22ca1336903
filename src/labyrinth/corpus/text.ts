// Original text written for this project and dedicated to the public domain under CC0 1.0
// (https://creativecommons.org/publicdomain/zero/1.0/): no part of it is taken from a book or a website.
// It is the article generator's training corpus: neutral prose in the voice of release notes, how-tos,
// team updates and product documentation, so that the Markov chain's pages read like a company's blog.

/** The article generator's training text: original prose, public domain (CC0 1.0). */
export const CORPUS_TEXT = `
This release focuses on reliability and on the small details that make daily work smoother. We rewrote the
scheduler that runs background jobs, so a job that fails now waits a little longer before each retry instead
of hammering the database. The dashboard loads faster on large accounts because we stopped counting every
record on every visit and keep a running total instead. We also fixed a bug that hid the last page of search
results when a filter was active. Thank you to everyone who reported it with clear steps to reproduce.

The new export screen lets you choose the columns you need before the file is built. Exports larger than a
few thousand rows are prepared in the background, and you get an email with a link when the file is ready.
The link expires after seven days. If you relied on the old export endpoint, it keeps working until the end
of next quarter, and the response now includes a header that points to the new one.

Getting started takes about ten minutes. First, create a project from the welcome screen and give it a short
name that your team will recognize. Next, invite the people who will work on it; each person receives an
invitation and chooses a password the first time they sign in. Then connect your data source. Most teams
start with a spreadsheet upload, because it needs no configuration, and move to a direct database connection
once they know which tables matter. When the first import finishes, the overview page shows a summary of what
was loaded and flags any rows that could not be read.

If an import fails, open the import history and select the failed run. The detail page lists every row that
was rejected together with the reason. The most common reasons are a date in an unexpected format, a number
with a thousands separator, and a required column left empty. Fix the source file and run the import again;
rows that were already loaded are matched by their identifier and updated rather than duplicated.

Our team spent most of this month on the migration to the new storage layer. The old layer served us well for
years, but it was built for a product that had a few hundred customers, and it showed its age every time a
large account ran a report at the start of the month. The new layer splits data by account and keeps recent
records on fast disks while older records move to cheaper storage. Reports that used to take minutes now
finish in seconds. The move happened in small steps, one group of accounts at a time, and we watched error
rates and latency closely after each step. Nobody had to stay up late for a big switch, which was the point.

We also welcomed three new people to the team. One of them joins the support group and will answer many of
your questions in the coming weeks. The other two join engineering and have already shipped their first
changes: a clearer error message when an upload is too large, and a fix for a layout problem on small screens.
We keep a short onboarding guide for new colleagues, and every new person is asked to improve one page of it
during their first week. The guide gets better every time someone reads it with fresh eyes.

Caching is one of the simplest ways to make a slow page fast, and one of the easiest ways to show someone
stale data. Before you add a cache, write down how old a value may be before it becomes wrong for the person
reading it. A list of countries can be cached for a day. A stock level in a busy shop should probably not be
cached at all, or only for a few seconds. Once you know the answer, choose the expiry time to match it and
make sure that the code which changes the value also removes the cached copy. Measure the hit rate after a
week. A cache that is rarely hit adds complexity without saving anything, and it is better to remove it.

To configure the cache, open the settings page and select the performance section. The default size is small
on purpose; raise it gradually while you watch memory use on the monitoring page. Each entry shows its age
and the number of times it was served. If you run several servers, the shared cache keeps them consistent,
but it adds a network call to every lookup. For values that are read often and change rarely, the local cache
on each server is faster and simpler. You can use both: the local cache in front, the shared cache behind it.

The command line tool now supports profiles. A profile stores the address of a server, the name of the
project and the credentials to use, so you no longer have to pass them with every command. Create a profile
with the init command and switch between profiles with the use command. Credentials are kept in the system
keychain when one is available and in a file readable only by your user when it is not. Run the doctor
command if something does not work as expected; it checks the connection, the version of the server and the
permissions of the current profile, and it prints a short report you can attach to a support request.

Last week the service was unavailable for about twenty minutes during the afternoon. The cause was a
configuration change that reduced the number of connections the application could open to the database. The
change had been reviewed and tested, but the test environment receives far less traffic than production, so
the limit was never reached there. When traffic rose after lunch, requests began to queue, the queue grew
faster than it drained, and the health checks started to fail. We rolled the change back, and the service
recovered within a few minutes. We are adding a load test to the release process so that limits like this one
are exercised before they reach production, and we now alert when the connection pool is more than
three quarters full for longer than a minute. We are sorry for the disruption.

Writing good documentation is mostly a matter of answering the question the reader actually has. A reader
who opens a page about invoices usually wants to do one thing: send an invoice, correct one, or find out why
one was not paid. Start each page with the task, show the steps in order, and explain the concepts only where
a step needs them. Use the same words as the interface; if the button says archive, do not call it hide in the
text. Keep examples short and make sure they run. When a feature has a limit, state the limit plainly, with
the number, instead of hinting at it.

The billing page now shows the next invoice before it is issued. You can see which seats and which add-ons
will be charged, and you can change them until the invoice date. Annual plans can be paid by bank transfer as
well as by card. If a payment fails, we try again after three days and then after a week, and we send a
reminder to the billing contact each time. Your data is never deleted because of a failed payment; the
account becomes read-only until the balance is settled, and everything returns as it was once it is.

Search has been rebuilt from the ground up. It now understands partial words, so typing the first few
letters of a customer name is enough, and it ranks recent records higher than old ones. Filters can be
combined and saved, and a saved search can be shared with the rest of the team through a link. Behind the
scenes the index is updated within a second of each change, instead of once every few minutes. If you notice
a record that should appear in the results but does not, the reindex button on the settings page rebuilds
the index for your account; it usually takes less than a minute.

We try to keep our roadmap public, because it helps customers plan and it keeps us honest about what we
promise. The items at the top of the list are the ones we are working on now. Items further down are ideas we
believe in but have not started. Every item links to a discussion where you can explain how you would use
the feature, and those comments shape the design more than anything else. We do not give dates for items
that have not started, because a date that slips is worse than no date at all.

The mobile app received a round of small improvements. Lists scroll more smoothly on older phones, images
load at a size that fits the screen instead of at full resolution, and the app remembers where you were when
you switch to another app and come back. Notifications can now be grouped by project, and you can mute a
project for an hour, a day or until you turn it back on. The app still works offline for reading; changes
made offline are kept on the device and sent as soon as the connection returns.

Here is how we run a release. On Monday the release branch is cut from the main branch and deployed to the
staging environment. During the week the team tests the changes on staging, fixes what they find, and writes
the release notes. On Thursday morning the release goes to a small share of production servers, and we
compare error rates and response times with the rest of the fleet. If the numbers look normal after two
hours, the release rolls out to every server in the afternoon. If they do not, the release is rolled back with
one command and we investigate on Friday. This rhythm is slower than deploying every change at once, but it
gives us a calm, predictable week and very few surprises.

Permissions are based on roles. Every project has three built-in roles: owners can change settings and
manage members, editors can create and change records, and viewers can read everything but change nothing.
You can also create custom roles with any combination of permissions. A person can have a different role in
each project. When someone leaves the company, removing them from the organization removes them from every
project at once, and any personal access tokens they created stop working immediately.

Access tokens let scripts and other services talk to the API without a password. Create a token from your
profile page, give it a name that says where it will be used, and choose the narrowest set of permissions
that does the job. The token is shown only once, so store it in a secret manager right away. Tokens can be
given an expiry date, and we recommend one. If a token leaks, revoke it from the same page; requests that use
it are refused from that moment on. The audit log records every token that is created, used for the first
time, or revoked.

The API follows a few simple conventions. Every collection is paginated, and each page includes a link to
the next one. Dates are written in the same format everywhere, always in the same time zone. Errors return a
short code that stays the same across versions and a message meant for people, which may change. Requests
that change data accept an idempotency key, so a client that retries after a network error does not create
the same record twice. Rate limits are generous, and every response includes headers that say how many
requests remain in the current window.

Our support team answered more questions this quarter than ever before, and the median time to a first reply
went down. Much of that comes from better routing: questions about billing go straight to the people who can
change an invoice, and technical questions go to engineers who know the part of the product involved. We
also turned the most frequent questions into short articles in the help center, and those articles are now
read several thousand times a week. If an article did not answer your question, the feedback link at the
bottom of each page goes directly to the person who wrote it.

When you design a new feature, begin with the smallest version that someone would actually use. Build it,
put it in front of a few customers, and listen. The first version is rarely right, and it is much cheaper to
change a small thing than a large one. Write down what you expect to learn before you ship, and check
afterwards whether you learned it. Features that nobody uses should be removed; they make the product harder
to understand and the code harder to change.

The integration with the calendar now works in both directions. Events created in the product appear in
your calendar within a minute, and changes you make in the calendar are reflected back. Each person connects
their own calendar from the profile page, and they can choose which projects to sync. Private events stay
private: only the time slot is shared, never the title or the description. If you disconnect a calendar,
events that were copied into it are left in place, so nothing disappears from your schedule without warning.

Backups run every night and are kept for thirty days. Each backup is encrypted and stored in a different
region from the data it protects. Once a month we restore a recent backup into an empty environment and
check that the data is complete and that the application starts, because a backup that has never been
restored is only a hope. Customers on the business plan can request a copy of their own backup, and they can
ask us to restore a single project to an earlier point in time.

Logging is most useful when it answers the questions you will ask during an incident. Log each request once,
when it finishes, with the path, the status, the duration and an identifier that links it to the logs of
other services. Log errors with enough context to reproduce them, but never log passwords, tokens or other
secrets. Keep the format consistent so that lines can be searched and counted. A log line that nobody reads
still costs money to store, so review the noisiest messages every few months and remove the ones that no
longer help.

The onboarding checklist has been updated. New accounts now see a short list of steps on the home page:
import some data, invite a colleague, create a first report and set up a notification. Each step links to a
page of the guide that explains it in detail. The list disappears once every step is done, and it can be
dismissed at any time. Early results show that accounts which finish the checklist in the first week are far
more likely to still be active a month later, so we will keep improving it.

Two settings changed their defaults in this version. Sessions now expire after twelve hours of inactivity
instead of twenty-four, and new projects start with two-factor authentication required for every member.
Existing projects keep their current settings; owners can change them on the security page. We made these
changes after reviewing how accounts are used and after talking with many of you. Shorter sessions and a
second factor stop most account takeovers, and the extra step takes only a few seconds each day.

Performance work is easiest when you measure before you change anything. Pick one page or one request that
feels slow, record how long it takes under realistic conditions, and find where the time goes. Often most of
it is spent in one place: a query without an index, a loop that calls the network, a large file read on
every request. Fix that one thing, measure again, and stop when the result is good enough. It is tempting to
keep optimizing, but every clever trick makes the code harder to read, and the next person will pay for it.

The reporting module gained three new chart types: stacked areas, heat maps and simple tables with inline
bars. Every chart can be exported as an image or as the data behind it. Reports can be scheduled to run every
day, week or month and sent to a list of recipients, including people who do not have an account. A
scheduled report that fails sends a notice to its owner instead of an empty file, so a broken report does not
go unnoticed for weeks.

Our office moved to a new building at the start of the month. The space is quieter, there are more rooms for
calls, and the kitchen is big enough for the whole team to have lunch together on Fridays. Most of us still
work from home on some days, and the new office has desks that anyone can book for a day. If you are in town
and would like to visit, let us know; we are always happy to meet customers in person and hear how they use
the product.

We are deprecating the first version of the webhooks format. The new format sends a smaller payload with
the type of the event and the identifier of the record, and your handler fetches the full record from the
API when it needs it. This keeps each delivery small and avoids sending data to an endpoint that no longer
needs it. Both formats are sent side by side until the end of the year, and the webhook settings page shows
which of your endpoints still expect the old one.

A good code review is a conversation, not an exam. The author explains what the change does and why, and
points out the parts they are unsure about. The reviewer reads for correctness first, then for clarity, and
asks questions rather than issuing orders. Small changes are reviewed faster and more carefully than large
ones, so split work into pieces that can each be understood in a few minutes. When a discussion goes back and
forth more than twice, talk it through in person and write down the outcome in the review.

The status page now shows the health of each region separately, together with the response time over the
last day. You can subscribe to updates by email or through a feed, and choose the regions you care about.
During an incident we post an update at least every thirty minutes, even if there is nothing new to say, so
that you know someone is working on it. After every incident that affects customers we publish a short
report that explains what happened, how we fixed it and what we are changing to prevent it.

Custom fields make it possible to store information that the product does not know about. A field can hold
text, a number, a date, a choice from a list or a link to another record. Fields can be required or
optional, and they can be shown or hidden for each role. They appear in filters, exports and reports just like
the built-in fields. There is a limit of one hundred custom fields per project, which in practice is far more
than anyone needs, and it keeps the forms readable.

Testing saves the most time when it runs early and often. Unit tests check small pieces of logic and run in
seconds, so run them on every save. Integration tests check that the pieces work together against a real
database, and they run on every change before it is merged. A handful of end-to-end tests walk through the
most important paths the way a customer would, and they run before every release. When a bug reaches
production, write a test that fails because of it before you fix it; that test will keep the bug from
coming back.

Thank you for reading these notes. As always, we would love to hear what you think. Reply to this email or
write to the support team, and your message will reach the people who built the features described here.
`;
