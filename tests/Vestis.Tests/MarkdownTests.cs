using Vestis.Diagnostics;
using Vestis.Loading;
using Vestis.Markdown;

namespace Vestis.Tests;

public sealed class MarkdownTests
{
    private static string Render(string markdown, DiagnosticBag? diagnostics = null) =>
        new MarkdownRenderer().Render(markdown, "a.md", 5, _ => null, diagnostics ?? new DiagnosticBag()).Html;

    [Theory]
    [InlineData("<script>alert(1)</script>", "<script")]
    [InlineData("<img src=\"x.png\" onerror=\"alert(1)\">", "onerror")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>", "javascript:")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>", "<iframe")]
    [InlineData("<form action=\"https://evil.example\"><input></form>", "<form")]
    [InlineData("<p style=\"background:url(x)\">x</p>", "style=")]
    [InlineData("<img src=\"https://tracker.example/pixel.gif\" alt=\"\">", "tracker.example")]
    [InlineData("<picture><source srcset=\"//tracker.example/a.webp\"><img src=\"a.png\" alt=\"\"></picture>", "tracker.example")]
    [InlineData("<video src=\"https://tracker.example/v.mp4\"></video>", "tracker.example")]
    public void Raw_html_is_sanitized(string markdown, string forbidden) =>
        Assert.DoesNotContain(forbidden, Render(markdown), StringComparison.OrdinalIgnoreCase);

    [Theory]
    [InlineData("")]
    [InlineData("Ilūkstes novada pašvaldība ✓ 👍 \u00A0\n\n## Virsraksts\n")]
    [InlineData(null)]
    public void A_body_held_as_utf8_is_the_same_text(string? text)
    {
        // null stands for a body of several MB.
        text ??= string.Concat(Enumerable.Range(0, 200_000).Select(i => $"{i} rinda ar garumzīmēm āčēģīķļņšūž\n"));
        Assert.Equal(text, new Utf8Text(text).ToString());
    }

    [Fact]
    public void A_javascript_markdown_link_is_an_error_and_is_not_rendered()
    {
        var diagnostics = new DiagnosticBag();
        var html = Render("Text [click](javascript:alert(1)) here.", diagnostics);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        var error = Assert.Single(diagnostics.Sorted());
        Assert.Equal(DiagnosticCodes.BrokenLink, error.Code);
        Assert.Equal(new SourceSpan("a.md", 5, 6), error.Span);
    }

    [Fact]
    public void Tables_and_autolinks_are_rendered()
    {
        var html = Render("| a | b |\n|---|---|\n| 1 | 2 |\n\nSee https://www.ilukste.lv now.");
        Assert.Contains("<table>", html);
        Assert.Contains("<a href=\"https://www.ilukste.lv\">", html);
    }

    [Fact]
    public void Aligned_table_columns_get_a_class_not_an_inline_style_the_security_policy_would_block()
    {
        var html = Render("| vieta | summa |\n|:-:|--:|\n| Rēzekne | 1,00 |");
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
        Assert.Contains("<th class=\"align-center\">vieta</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"align-right\">1,00</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_top_level_heading_in_the_body_becomes_h2_so_the_title_stays_the_only_h1()
    {
        Assert.Contains("<h2>Heading</h2>", Render("# Heading"));
    }

    [Fact]
    public void The_first_paragraph_is_the_default_summary_as_plain_text()
    {
        var rendered = new MarkdownRenderer().Render("Ilūkstes **novadā** sāk\nveidot [centru](https://x.lv).\n\nOtrā rindkopa.", "a.md", 1, _ => null, new DiagnosticBag());
        Assert.Equal("Ilūkstes novadā sāk veidot centru.", rendered.FirstParagraph);
    }

    [Fact]
    public void Relative_links_resolve_to_announcement_pages_and_attachments()
    {
        using var site = new TestSite(new Dictionary<string, string?>
        {
            ["announcements/ilukstes-novads/2019-09-20-otrs.lv.md"] =
                "---\ntitle: Otrs\ndate: 2019-09-20\n---\nSkatīt [sākumu](2019-09-19-projekts.lv.md#x) un [plānu](2019-09-20-otrs/plans.pdf).\n",
        });
        site.Write("announcements/ilukstes-novads/2019-09-20-otrs/plans.pdf", "%PDF");
        var result = site.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var page = site.Page("lv/ilukstes-novads/2019/otrs/index.html");
        Assert.Contains("href=\"/lv/ilukstes-novads/2019/projekts/#x\"", page);
        Assert.Contains("href=\"/files/ilukstes-novads/2019-09-20-otrs/plans.pdf\"", page);
        Assert.True(File.Exists(Path.Join(site.Output, "files/ilukstes-novads/2019-09-20-otrs/plans.pdf")));
    }

    [Fact]
    public void Front_matter_strings_are_html_escaped()
    {
        using var site = new TestSite(new Dictionary<string, string?>
        {
            ["announcements/ilukstes-novads/2019-09-20-otrs.lv.md"] =
                "---\ntitle: \"<script>alert('x')</script> & co\"\ndate: 2019-09-20\ntags: [\"<b>tag</b>\"]\n---\nTeksts.\n",
        });
        Assert.True(site.Build().Succeeded);
        var page = site.Page("lv/ilukstes-novads/2019/otrs/index.html");
        Assert.DoesNotContain("<script>", page);
        Assert.DoesNotContain("<b>tag</b>", page);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co", page);
    }
}
