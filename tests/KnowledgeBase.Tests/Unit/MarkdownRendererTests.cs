using MarketingDev.KnowledgeBase.Features.Articles;

namespace MarketingDev.KnowledgeBase.Tests.Unit;

public sealed class MarkdownRendererTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>", "<script")]
    [InlineData("Hi <img src=x onerror=alert(1)>", "<img")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>", "<iframe")]
    [InlineData("[click](javascript:alert(1))", "javascript:")]
    [InlineData("[click](JavaScript:alert(1))", "avascript:")]
    [InlineData("[click](java\tscript:alert(1))", "<a ")]
    [InlineData("[click](&#106;avascript:alert(1))", "avascript:")]
    [InlineData("[click](vbscript:msgbox(1))", "vbscript:")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD4=)", "data:")]
    [InlineData("![x](javascript:alert(1))", "javascript:")]
    [InlineData("<javascript:alert(1)>", "href=\"javascript:")]
    [InlineData("[x][ref]\n\n[ref]: javascript:alert(1)", "javascript:")]
    public void ToHtml_DangerousMarkup_IsNotPassedThrough(string markdown, string forbidden) =>
        Assert.DoesNotContain(forbidden, MarkdownRenderer.ToHtml(markdown), StringComparison.OrdinalIgnoreCase);

    [Theory]
    [InlineData("[docs](https://example.com/a?b=1)", "<a href=\"https://example.com/a?b=1\">docs</a>")]
    [InlineData("[mail](mailto:dev@example.com)", "href=\"mailto:dev@example.com\"")]
    [InlineData("[rel](/kb/articles/1)", "href=\"/kb/articles/1\"")]
    [InlineData("[anchor](#setup)", "href=\"#setup\"")]
    [InlineData("# Title", "<h1>Title</h1>")]
    [InlineData("| a | b |\n|---|---|\n| 1 | 2 |", "<table>")]
    public void ToHtml_SafeMarkdown_Renders(string markdown, string expected) =>
        Assert.Contains(expected, MarkdownRenderer.ToHtml(markdown), StringComparison.Ordinal);

    [Fact]
    public void ToHtml_UnsafeLink_KeepsItsText() =>
        Assert.Equal("<p>read <strong>this</strong> now</p>\n", MarkdownRenderer.ToHtml("read [**this**](javascript:alert(1)) now"));

    [Fact]
    public void ToHtml_RawHtml_IsEscapedAsText() =>
        Assert.Contains("&lt;b&gt;bold&lt;/b&gt;", MarkdownRenderer.ToHtml("<b>bold</b>"), StringComparison.Ordinal);

    [Theory]
    [InlineData("https://a.example", true)]
    [InlineData("HTTP://a.example", true)]
    [InlineData("tel:+4912345", true)]
    [InlineData("relative/path:with-colon", true)]
    [InlineData("?q=a:b", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData(" javascript:alert(1)", false)]
    [InlineData("jav\nascript:alert(1)", false)]
    [InlineData("vbscript:x", false)]
    [InlineData("data:text/html,x", false)]
    [InlineData("file:///etc/passwd", false)]
    public void IsSafeUrl_Table(string url, bool safe) => Assert.Equal(safe, MarkdownRenderer.IsSafeUrl(url));
}
