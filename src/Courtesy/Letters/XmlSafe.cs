using System.Text;
using System.Xml;

namespace Courtesy.Letters;

/// <summary>Characters a Word document (XML) cannot hold: C0 control characters other than tab, CR and LF,
/// and surrogates without their pair. A reported post may carry them; a letter quoting it must not fail.</summary>
public static class XmlSafe
{
    /// <summary>The index of the first character XML cannot hold, or -1.</summary>
    public static int FirstInvalid(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (XmlConvert.IsXmlChar(s[i])) continue;
            if (i + 1 < s.Length && XmlConvert.IsXmlSurrogatePair(s[i + 1], s[i])) { i++; continue; }
            return i;
        }
        return -1;
    }

    /// <summary>The text without the characters XML cannot hold (the same string when there are none).</summary>
    public static string Clean(string s)
    {
        var first = FirstInvalid(s);
        if (first < 0) return s;
        var b = new StringBuilder(s.Length).Append(s, 0, first);
        for (var i = first + 1; i < s.Length; i++)
        {
            if (XmlConvert.IsXmlChar(s[i])) b.Append(s[i]);
            else if (i + 1 < s.Length && XmlConvert.IsXmlSurrogatePair(s[i + 1], s[i])) { b.Append(s[i]).Append(s[i + 1]); i++; }
        }
        return b.ToString();
    }
}
