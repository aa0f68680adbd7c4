using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Vestis.Publicity;

namespace Vestis.Tests;

/// <summary>
/// The emblem's geometry, measured from the SVG the generator writes (821/2014 Annex II): a 3:2 rectangle in
/// #003399; twelve #FFCC00 five-pointed stars at the clock-hour positions of a circle of radius 1/3 of the
/// height, centred where the diagonals cross; each star's points on a circle of radius 1/18 of the height,
/// one point straight up. The checker is tried on faulty emblems too, so it is known to catch the common faults.
/// </summary>
public sealed class EmblemTests
{
    private const double Tolerance = 0.01;

    [Fact]
    public void The_generated_emblem_has_the_official_geometry_and_colours()
    {
        Assert.Empty(Faults(EuEmblem.Svg("Eiropas Savienība")));
    }

    [Fact]
    public void The_emblem_is_named_by_the_statement_and_shown_at_three_by_two()
    {
        var svg = Parse(EuEmblem.Svg("Līdzfinansē Eiropas Savienība & co"));
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal("Līdzfinansē Eiropas Savienība & co", svg.GetAttribute("aria-label"));
        Assert.True(svg.HasAttribute("data-eu-emblem"));
        Assert.Equal(1.5, double.Parse(svg.GetAttribute("width")!, CultureInfo.InvariantCulture) / double.Parse(svg.GetAttribute("height")!, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void The_checker_catches_stars_turned_upside_down_with_two_points_up()
    {
        var faulty = RewriteStars(EuEmblem.Svg("x"), (centre, point) => Rotate(point, centre, 36));
        Assert.Contains(Faults(faulty), f => f.Contains("not upright", StringComparison.Ordinal));
    }

    [Fact]
    public void The_checker_catches_slightly_rotated_stars()
    {
        var faulty = RewriteStars(EuEmblem.Svg("x"), (centre, point) => Rotate(point, centre, 5));
        Assert.Contains(Faults(faulty), f => f.Contains("not upright", StringComparison.Ordinal));
    }

    [Fact]
    public void The_checker_catches_a_wrong_ratio()
    {
        Assert.Contains(Faults(EuEmblem.Svg("x").Replace("viewBox=\"0 0 810 540\"", "viewBox=\"0 0 720 540\"")), f => f.Contains("3:2", StringComparison.Ordinal));
    }

    [Fact]
    public void The_checker_catches_stars_too_large_or_off_the_circle()
    {
        var larger = RewriteStars(EuEmblem.Svg("x"), (centre, point) => (centre.X + (point.X - centre.X) * 1.2, centre.Y + (point.Y - centre.Y) * 1.2));
        Assert.Contains(Faults(larger), f => f.Contains("1/18", StringComparison.Ordinal));
        var outward = RewriteStars(EuEmblem.Svg("x"), (centre, point) => (point.X + (centre.X - 405) * 0.1, point.Y + (centre.Y - 270) * 0.1));
        Assert.Contains(Faults(outward), f => f.Contains("1/3", StringComparison.Ordinal));
    }

    [Fact]
    public void The_checker_catches_wrong_colours_and_a_missing_star()
    {
        Assert.Contains(Faults(EuEmblem.Svg("x").Replace("#003399", "#003366")), f => f.Contains("#003399", StringComparison.Ordinal));
        Assert.Contains(Faults(EuEmblem.Svg("x").Replace("#FFCC00", "#FFD700")), f => f.Contains("#FFCC00", StringComparison.Ordinal));
        var svg = EuEmblem.Svg("x");
        var last = svg.LastIndexOf("<polygon", StringComparison.Ordinal);
        Assert.Contains(Faults(svg[..last] + svg[svg.IndexOf("/>", last, StringComparison.Ordinal)..][2..]), f => f.Contains("12 stars", StringComparison.Ordinal));
    }

    /// <summary>Everything wrong with an emblem, measured against the regulation's numbers.</summary>
    private static List<string> Faults(string markup)
    {
        var faults = new List<string>();
        var svg = Parse(markup);
        var box = svg.GetAttribute("viewBox")!.Split(" ").Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var (width, height) = (box[2], box[3]);
        if (Math.Abs(width / height - 1.5) > 1e-9) faults.Add($"the ratio is {width}:{height}, not 3:2");
        var rect = svg.QuerySelector("rect")!;
        if (rect.GetAttribute("fill") != "#003399" || rect.GetAttribute("width") != box[2].ToString(CultureInfo.InvariantCulture) || rect.GetAttribute("height") != box[3].ToString(CultureInfo.InvariantCulture))
            faults.Add("the background is not a full #003399 rectangle");
        if (svg.QuerySelector("g")!.GetAttribute("fill") != "#FFCC00") faults.Add("the stars are not #FFCC00");

        var stars = svg.QuerySelectorAll("polygon").Select(Points).ToList();
        if (stars.Count != 12) faults.Add($"there are {stars.Count} stars, not 12 stars");
        var (cx, cy) = (width / 2, height / 2);
        var hours = new List<int>();
        foreach (var star in stars)
        {
            var centre = (X: star.Average(p => p.X), Y: star.Average(p => p.Y));
            if (Math.Abs(Distance(centre, (cx, cy)) - height / 3) > Tolerance) faults.Add("a star is not on the circle of radius 1/3 of the height");
            var outer = star.Where((_, i) => i % 2 == 0).ToList();
            if (outer.Any(p => Math.Abs(Distance(p, centre) - height / 18) > Tolerance)) faults.Add("a star's points are not on a circle of radius 1/18 of the height");
            // Upright: the five points at 72° steps from straight up, so exactly one points up.
            var angles = outer.Select(p => (Math.Atan2(p.X - centre.X, centre.Y - p.Y) * 180 / Math.PI + 360) % 360).ToList();
            if (angles.Any(a => Math.Min(a % 72, 72 - a % 72) > 0.05)) faults.Add("a star is not upright");
            var hour = Math.Atan2(centre.X - cx, cy - centre.Y) * 180 / Math.PI / 30;
            hours.Add((int)Math.Round((hour + 12) % 12));
            if (Math.Abs(hour - Math.Round(hour)) > 0.001) faults.Add("a star is not at a clock-hour position");
        }
        if (stars.Count == 12 && !hours.Order().SequenceEqual(Enumerable.Range(0, 12))) faults.Add("the stars do not stand at the twelve hours");
        return faults;
    }

    private static IElement Parse(string markup) =>
        new HtmlParser().ParseDocument($"<!DOCTYPE html><body>{markup}</body>").QuerySelector("svg")!;

    private static List<(double X, double Y)> Points(IElement polygon) =>
        polygon.GetAttribute("points")!.Split(' ')
            .Select(p => p.Split(',')).Select(p => (double.Parse(p[0], CultureInfo.InvariantCulture), double.Parse(p[1], CultureInfo.InvariantCulture))).ToList();

    private static double Distance((double X, double Y) a, (double X, double Y) b) => Math.Sqrt(Math.Pow(a.X - b.X, 2) + Math.Pow(a.Y - b.Y, 2));

    private static (double X, double Y) Rotate((double X, double Y) p, (double X, double Y) c, double degrees)
    {
        var r = degrees * Math.PI / 180;
        return (c.X + (p.X - c.X) * Math.Cos(r) - (p.Y - c.Y) * Math.Sin(r), c.Y + (p.X - c.X) * Math.Sin(r) + (p.Y - c.Y) * Math.Cos(r));
    }

    /// <summary>The emblem with every star's points moved by <paramref name="move"/>(star centre, point).</summary>
    private static string RewriteStars(string markup, Func<(double X, double Y), (double X, double Y), (double X, double Y)> move)
    {
        var svg = Parse(markup);
        foreach (var polygon in svg.QuerySelectorAll("polygon"))
        {
            var points = Points(polygon);
            var centre = (points.Average(p => p.X), points.Average(p => p.Y));
            polygon.SetAttribute("points", string.Join(' ', points.Select(p => move(centre, p)).Select(p => FormattableString.Invariant($"{p.X:0.###},{p.Y:0.###}"))));
        }
        return svg.OuterHtml;
    }
}
