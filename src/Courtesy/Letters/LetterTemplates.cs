namespace Courtesy.Letters;

/// <summary>The letters the ladder sends. A step kind maps onto one of these (see Cases).</summary>
public enum LetterKind
{
    /// <summary>After the discussion with the parent: confirms it and asks for removal.</summary>
    RemovalRequest,
    /// <summary>Sets out the school's concerns in writing, gives a warning and a date to remove the material by.</summary>
    WrittenWarning,
    /// <summary>To the host or provider of the site, with the post's address, asking for removal.</summary>
    PlatformComplaint,
    /// <summary>A summary for the police: what was posted, where, when, why it meets the threshold, what the school has done.</summary>
    PoliceReferral,
    /// <summary>Stratford St Mary: the Governing Body writes to the parent and points to the Complaints Policy.</summary>
    GoverningBodyLetter,
}

/// <summary>
/// A letter template. <see cref="Body"/> is paragraphs separated by blank lines; a line starting "- " is a
/// bullet. <c>{{field}}</c> is replaced from the case; a field whose value has several lines keeps them.
/// </summary>
public sealed record LetterTemplate(string PackId, LetterKind Kind, string Subject, string Body)
{
    public const string AnyPack = "*";
}

/// <summary>The templates, per pack where a school words its letter its own way, otherwise the common one.</summary>
public static class LetterTemplates
{
    /// <summary>Every merge field a template may use, with what it is filled from.</summary>
    public static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["letter_date"] = "the date the letter is produced",
        ["school_name"] = "the school's name",
        ["head_name"] = "the person who signs the letter",
        ["head_role"] = "their role (Headteacher, Chair of Governors)",
        ["parent_name"] = "the person who posted, as recorded on the case",
        ["case_reference"] = "the case reference",
        ["post_url"] = "the address of the post",
        ["post_platform"] = "the site or app it was posted on",
        ["post_date"] = "when it was posted",
        ["post_excerpt"] = "the words of the post (quoted)",
        ["concerns"] = "the inappropriate uses found, in the policy's own words",
        ["policy_title"] = "the title of the school's policy",
        ["discussion_date"] = "when the matter was discussed with the parent",
        ["removal_by"] = "the date by which the material must be removed",
        ["chronology"] = "the case's steps so far, one per line",
        ["police_reason"] = "why the school considers the police threshold met",
    };

    public static readonly IReadOnlyList<LetterTemplate> All =
    [
        new(LetterTemplate.AnyPack, LetterKind.RemovalRequest,
            "Request to remove a social media post – {{school_name}}",
            """
            {{letter_date}}

            Dear {{parent_name}},

            Thank you for speaking with me on {{discussion_date}} about your post on {{post_platform}}.

            As we discussed, the post at {{post_url}} is not in keeping with our {{policy_title}}. The policy asks parents not to use social media in these ways:

            {{concerns}}

            The post read:

            "{{post_excerpt}}"

            I would be grateful if you would remove it. If you have a concern about the school, please contact me directly or use the school's complaints procedure, where it can be looked into properly.

            Yours sincerely,

            {{head_name}}
            {{head_role}}, {{school_name}}

            Reference: {{case_reference}}
            """),
        new(LetterTemplate.AnyPack, LetterKind.WrittenWarning,
            "Written warning: social media post – {{school_name}}",
            """
            {{letter_date}}

            Dear {{parent_name}},

            We spoke on {{discussion_date}} about your post on {{post_platform}} and asked you to remove it. The post remains at {{post_url}}.

            I am writing to set out the school's concerns. Under our {{policy_title}} the post is an inappropriate use of social media:

            {{concerns}}

            The post read:

            "{{post_excerpt}}"

            This letter is a formal warning. Please remove the material by {{removal_by}}. If it has not been removed by then, the school will consider the further actions set out in the policy, which may include contacting the host of the site, taking legal advice, or contacting the police.

            If you have a concern about the school, please raise it with me directly or through the complaints procedure.

            Yours sincerely,

            {{head_name}}
            {{head_role}}, {{school_name}}

            Reference: {{case_reference}}
            """),
        new(LetterTemplate.AnyPack, LetterKind.PlatformComplaint,
            "Request to remove content: {{post_url}}",
            """
            {{letter_date}}

            To the content moderation team, {{post_platform}}

            I am writing on behalf of {{school_name}} to ask you to remove the following content, which breaches your community standards and identifies members of our school community.

            Address of the content: {{post_url}}
            Posted: {{post_date}}

            The content read:

            "{{post_excerpt}}"

            Why we are asking for removal:

            {{concerns}}

            We have asked the author to remove it and they have not done so. Please confirm what action you take, quoting our reference {{case_reference}}.

            Yours faithfully,

            {{head_name}}
            {{head_role}}, {{school_name}}
            """),
        new(LetterTemplate.AnyPack, LetterKind.PoliceReferral,
            "Referral to the police: online post concerning {{school_name}}",
            """
            {{letter_date}}

            Referral summary – {{school_name}}, reference {{case_reference}}

            Content: a post on {{post_platform}} at {{post_url}}, posted {{post_date}}, by {{parent_name}}.

            The content read:

            "{{post_excerpt}}"

            Why the school is contacting the police:

            {{police_reason}}

            What the post contains, in the words of our {{policy_title}}:

            {{concerns}}

            What the school has done so far:

            {{chronology}}

            The school holds the original evidence with SHA-256 hashes and can provide an evidence pack on request.

            {{head_name}}
            {{head_role}}, {{school_name}}
            """),
        new(LetterTemplate.AnyPack, LetterKind.GoverningBodyLetter,
            "Letter from the Governing Body – {{school_name}}",
            """
            {{letter_date}}

            Dear {{parent_name}},

            The Governing Body of {{school_name}} has been made aware of your post on {{post_platform}} ({{post_url}}).

            Under our {{policy_title}} this is an inappropriate use of social networking:

            {{concerns}}

            We ask you to remove the comments. If you have a concern, please raise it through the school's Complaints Policy, where it can be properly considered.

            Yours sincerely,

            {{head_name}}
            {{head_role}}, {{school_name}}

            Reference: {{case_reference}}
            """),
        // Stratford's policy words this step itself: the Governing Body contacts the parent, asks for
        // removal, seeks redress through the Complaints Policy, and sends a letter; and it quotes the
        // NAHT on when the police are involved and on defamation, which the letter repeats.
        new("stratford-st-mary", LetterKind.GoverningBodyLetter,
            "Comments posted on social networking sites – Stratford St Mary Primary School",
            """
            {{letter_date}}

            Dear {{parent_name}},

            The Governing Body of {{school_name}} is writing to you about comments you posted on {{post_platform}} ({{post_url}}).

            Our {{policy_title}} asks that parents should not post malicious or fictitious comments on social networking sites about any member of the school community, and that complaints are made through official school channels rather than posted on social networking sites. We consider that your post is an inappropriate use of social networking:

            {{concerns}}

            The Governing Body asks you to remove these comments. If you have a concern or complaint, we ask you to seek redress through the appropriate channels, such as the school's Complaints Policy, so that it can be properly heard.

            Please be aware that laws of defamation and privacy still apply to the web, and that "there are circumstances in which police involvement is appropriate. These include where postings have a racist element or where violence is threatened or encouraged."

            Yours sincerely,

            {{head_name}}
            On behalf of the Governing Body, {{school_name}}

            Reference: {{case_reference}}
            """),
    ];

    /// <summary>The pack's own template for the kind, else the common one.</summary>
    public static LetterTemplate For(string packId, LetterKind kind) =>
        All.FirstOrDefault(t => t.PackId == packId && t.Kind == kind)
        ?? All.First(t => t.PackId == LetterTemplate.AnyPack && t.Kind == kind);
}
